import { sharedCheck } from '../../catalog/index.js';
import type { Auditor } from '../auditor.js';
import { auditFlag } from '../container-flag.js';
import type { FlagRule } from '../container-flag.js';

const ESCALATION = sharedCheck('privilege-escalation-allowed');

/** ref. kubeaudit privesc auditor: unset counts, because the runtime default allows escalation. */
const RULE: FlagRule = {
  field: 'allowPrivilegeEscalation',
  unsafe: true,
  overrideLabel: 'allow-privilege-escalation',
  unset: {
    rule: 'AllowPrivilegeEscalationNil',
    level: 'error',
    check: ESCALATION,
    message: (c) => `Container ${c} does not set securityContext.allowPrivilegeEscalation, which then defaults to true.`,
  },
  set: {
    rule: 'AllowPrivilegeEscalationTrue',
    level: 'error',
    check: ESCALATION,
    message: (c) => `Container ${c} sets securityContext.allowPrivilegeEscalation: true.`,
  },
};

export const privesc = {
  name: 'privesc',
  checks: [ESCALATION],
  audit: (resource) => auditFlag(resource, RULE),
} satisfies Auditor;
