import { wildcardMatch } from '../conditions/index.js';

/**
 * A `kinds` entry: `Pod`, `v1/Pod`, `apps/v1/Deployment`, `networking.k8s.io/*\/Ingress`,
 * `Pod/exec` (subresource), each part allowing wildcards. ref. kyverno.io/docs "match/exclude".
 */
export interface KindSelector {
  group: string;
  version: string;
  kind: string;
  subresource: string;
}

/** Kind strings come from loaded policies, a small fixed set: parse each once, not per resource. */
const PARSED = new Map<string, KindSelector>();

export function parseKindSelector(text: string): KindSelector {
  let selector = PARSED.get(text);
  if (selector === undefined) {
    selector = Object.freeze(parseKindText(text));
    PARSED.set(text, selector);
  }
  return selector;
}

function parseKindText(text: string): KindSelector {
  const parts = text.split('/');
  const [a = '', b = '', c = '', d = ''] = parts;
  switch (parts.length) {
    case 1:
      return { group: '*', version: '*', kind: a, subresource: '' };
    case 2:
      // `Pod/status` names a subresource (lower-case second part); `v1/Pod` a version.
      if (/^[a-z]/.test(b) && /^[A-Z*]/.test(a)) return { group: '*', version: '*', kind: a, subresource: b };
      return { group: a.includes('.') ? a : '*', version: a.includes('.') ? '*' : a, kind: b, subresource: '' };
    case 3:
      if (/^[a-z]/.test(c) && /^[A-Z*]/.test(b)) return { group: '*', version: a, kind: b, subresource: c };
      return { group: a, version: b, kind: c, subresource: '' };
    default:
      return { group: a, version: b, kind: c, subresource: d };
  }
}

export function kindMatches(selector: KindSelector, apiVersion: string, kind: string): boolean {
  if (selector.subresource !== '') return false; // offline resources are never subresource requests
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return wildcardMatch(selector.kind, kind) && wildcardMatch(selector.group, group) && wildcardMatch(selector.version, version);
}
