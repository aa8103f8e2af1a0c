import { asString } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { CheckResult } from '../../types.js';
import type { Auditor } from '../auditor.js';
import { IMAGE_TAG_MISMATCH } from '../checks.js';
import { podOf } from '../pod.js';
import { issueResult } from '../result.js';

const TAG_MISSING = sharedCheck('image-tag-missing');

/** An image reference split into repository, tag and digest. */
export interface ImageRef {
  /** Registry and path, e.g. `registry:5000/team/app`. */
  name: string;
  tag: string;
  digest: string | undefined;
}

/**
 * Splits `registry:5000/app:1.2@sha256:...`. Unlike a plain split on `:`, a registry port is not
 * taken for a tag, and a digest pins the image as well as a tag does.
 */
export function parseImage(reference: string): ImageRef {
  const at = reference.indexOf('@');
  const named = at < 0 ? reference : reference.slice(0, at);
  const digest = at < 0 ? undefined : reference.slice(at + 1);
  const colon = named.lastIndexOf(':');
  if (colon > named.lastIndexOf('/')) return { name: named.slice(0, colon), tag: named.slice(colon + 1), digest };
  return { name: named, tag: '', digest };
}

/** ref. kubeaudit image auditor: images carry a tag, and the configured image its configured tag. */
export const image = {
  name: 'image',
  checks: [TAG_MISSING, IMAGE_TAG_MISMATCH],
  audit(resource, context) {
    const pod = podOf(resource);
    if (pod === undefined) return [];
    const wanted = context.settings.image === undefined ? undefined : parseImage(context.settings.image);
    const out: CheckResult[] = [];
    for (const ref of pod.containers) {
      const text = asString(ref.container['image']) ?? '';
      const actual = parseImage(text);
      const base = { resource, container: ref.name, path: [...ref.path, 'image'] };
      if (actual.tag === '' && actual.digest === undefined) {
        out.push(issueResult({ ...base, rule: 'ImageTagMissing', level: 'warning', check: TAG_MISSING, message: `Container ${ref.name} uses image ${text || '(none)'} without a tag.` }));
      } else if (wanted !== undefined && actual.name === wanted.name) {
        if (actual.tag !== wanted.tag) {
          out.push(issueResult({ ...base, rule: 'ImageTagIncorrect', level: 'error', check: IMAGE_TAG_MISMATCH, message: `Container ${ref.name} uses ${text}; the approved tag is ${wanted.tag || '(none)'}.` }));
        } else {
          out.push(issueResult({ ...base, rule: 'ImageCorrect', level: 'info', check: IMAGE_TAG_MISMATCH, message: `Container ${ref.name} uses the approved image ${text}.` }, 'pass'));
        }
      }
    }
    return out;
  },
} satisfies Auditor;
