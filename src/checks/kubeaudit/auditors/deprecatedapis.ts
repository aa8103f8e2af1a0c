import type { Resource } from '../../../k8s/index.js';
import { asString, isObject } from '../../../k8s/index.js';
import type { Auditor } from '../auditor.js';
import { DEPRECATED_API_VERSION } from '../checks.js';
import type { KubeauditSettings, Release } from '../config.js';
import type { ApiLifecycle } from '../deprecations.js';
import { deprecationMessage, findLifecycle } from '../deprecations.js';
import type { Level } from '../result.js';
import { issueResult } from '../result.js';

/** kubectl records the object as the user applied it here; the server may return another version. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** ref. kubeaudit deprecatedapis auditor: the resource's apiVersion must not be deprecated. */
export const deprecatedapis = {
  name: 'deprecatedapis',
  checks: [DEPRECATED_API_VERSION],
  audit(resource, context) {
    const applied = appliedTypeOf(resource);
    if (applied === undefined) return [];
    const api = findLifecycle(applied.apiVersion, applied.kind);
    if (api === undefined) return [];
    return [issueResult({
      rule: 'DeprecatedAPIUsed',
      level: levelOf(api, context.settings),
      check: DEPRECATED_API_VERSION,
      message: deprecationMessage(api),
      resource,
      path: ['apiVersion'],
    })];
  },
} satisfies Auditor;

/**
 * The apiVersion and kind the user wrote: from the last-applied annotation when present (a cluster
 * returns objects converted to its preferred version), else the object's own. An annotation that
 * is not a JSON object means nothing can be said, as in kubeaudit.
 */
function appliedTypeOf(resource: Resource): { apiVersion: string; kind: string } | undefined {
  const lastApplied = resource.annotations[LAST_APPLIED];
  if (lastApplied === undefined || lastApplied === '') return { apiVersion: resource.apiVersion, kind: resource.kind };
  let parsed: unknown;
  try {
    parsed = JSON.parse(lastApplied);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const apiVersion = asString(parsed['apiVersion']);
  const kind = asString(parsed['kind']);
  return apiVersion === undefined || kind === undefined ? undefined : { apiVersion, kind };
}

/**
 * Warning by default; info when the cluster's current version predates the deprecation; error when
 * the targeted version no longer serves the API. kubeaudit compares the target's major and minor
 * each against the removal release, not as one version; kept for compatible verdicts.
 */
function levelOf(api: ApiLifecycle, settings: KubeauditSettings): Level {
  const removed = api.removed;
  const target = settings.targetedVersion;
  if (removed !== undefined && target !== undefined && target.major >= removed.major && target.minor >= removed.minor) return 'error';
  const current = settings.currentVersion;
  if (current !== undefined && before(current, api.deprecated)) return 'info';
  return 'warning';
}

function before(a: Release, b: Release): boolean {
  return a.major < b.major || (a.major === b.major && a.minor < b.minor);
}
