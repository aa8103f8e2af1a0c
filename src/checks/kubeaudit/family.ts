import type { CheckFamily, CheckInfo, CheckResult } from '../types.js';
import type { Auditor, AuditorContext } from './auditor.js';
import { apparmor } from './auditors/apparmor.js';
import { asat } from './auditors/asat.js';
import { capabilities } from './auditors/capabilities.js';
import { deprecatedapis } from './auditors/deprecatedapis.js';
import { hostns } from './auditors/hostns.js';
import { image } from './auditors/image.js';
import { limits } from './auditors/limits.js';
import { mounts } from './auditors/mounts.js';
import { netpols } from './auditors/netpols.js';
import { nonroot } from './auditors/nonroot.js';
import { privesc } from './auditors/privesc.js';
import { privileged } from './auditors/privileged.js';
import { rootfs } from './auditors/rootfs.js';
import { seccomp } from './auditors/seccomp.js';
import { OVERRIDE_REDUNDANT } from './checks.js';
import type { AuditorName } from './config.js';
import { resolveSettings } from './config.js';

/** Every auditor, registered explicitly; a test checks each file in auditors/ is here. */
export const AUDITORS: ReadonlyMap<AuditorName, Auditor> = new Map<AuditorName, Auditor>(
  [apparmor, asat, capabilities, deprecatedapis, hostns, image, limits, mounts, netpols, nonroot, privesc, privileged, rootfs, seccomp].map(
    (a): [AuditorName, Auditor] => [a.name, a],
  ),
);

function familyChecks(): CheckInfo[] {
  const byId = new Map<string, CheckInfo>();
  for (const auditor of AUDITORS.values()) for (const check of auditor.checks) byId.set(check.id, check);
  byId.set(OVERRIDE_REDUNDANT.id, OVERRIDE_REDUNDANT);
  return [...byId.values()];
}

/**
 * kubeaudit-compatible auditors. Config: `options.families.kubeaudit` (see config.ts); a bad
 * config throws `config.invalid`.
 */
export const kubeauditFamily: CheckFamily = {
  id: 'kubeaudit',
  title: 'kubeaudit-compatible auditors, with override labels',
  checks: familyChecks(),
  run(context) {
    const settings = resolveSettings(context.options.families.kubeaudit);
    const auditorContext: AuditorContext = { settings, index: context.index };
    const enabled = [...AUDITORS.values()].filter((a) => settings.enabled.has(a.name));
    const out: CheckResult[] = [];
    for (const resource of context.resources) {
      for (const auditor of enabled) out.push(...auditor.audit(resource, auditorContext));
    }
    return out;
  },
};
