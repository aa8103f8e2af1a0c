import { asArray, asObject, asString } from '../../../k8s/index.js';
import type { CheckResult } from '../../types.js';
import type { Auditor } from '../auditor.js';
import { SENSITIVE_HOST_PATH_MOUNTED } from '../checks.js';
import { pushOverridden } from '../overrides.js';
import { podOf } from '../pod.js';

/**
 * ref. kubeaudit mounts auditor: a container must not mount a hostPath volume whose path is on the
 * deny list. Paths compare exactly, as kubeaudit does (`/proc/` is not `/proc`).
 */
export const mounts = {
  name: 'mounts',
  checks: [SENSITIVE_HOST_PATH_MOUNTED],
  audit(resource, context) {
    const pod = podOf(resource);
    if (pod === undefined) return [];
    const sensitive = new Map<string, string>();
    for (const item of asArray(pod.spec['volumes'])) {
      const volume = asObject(item);
      const name = asString(volume?.['name']);
      const hostPath = asString(asObject(volume?.['hostPath'])?.['path']);
      if (name !== undefined && hostPath !== undefined && context.settings.denyPaths.has(hostPath)) sensitive.set(name, hostPath);
    }
    if (sensitive.size === 0) return [];
    const out: CheckResult[] = [];
    for (const ref of pod.containers) {
      asArray(ref.container['volumeMounts']).forEach((item, index) => {
        const mount = asObject(item);
        const name = asString(mount?.['name']);
        const hostPath = name === undefined ? undefined : sensitive.get(name);
        if (name === undefined || hostPath === undefined) return;
        const mountPath = asString(mount?.['mountPath']) ?? '?';
        const issue = {
          rule: 'SensitivePathsMounted',
          level: 'error' as const,
          check: SENSITIVE_HOST_PATH_MOUNTED,
          message: `Container ${ref.name} mounts host path ${hostPath} (volume ${name}) at ${mountPath}${mount?.['readOnly'] === true ? ' read-only' : ''}.`,
          resource,
          container: ref.name,
          path: [...ref.path, 'volumeMounts', index],
          discriminator: name,
        };
        // Only found mounts go through the override, so kubeaudit never calls this auditor's labels redundant.
        pushOverridden(out, issue, pod.scope, `allow-host-path-mount-${name.toLowerCase().replaceAll('_', '-')}`, ref.name);
      });
    }
    return out;
  },
} satisfies Auditor;
