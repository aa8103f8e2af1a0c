import { sharedCheck } from '../../catalog/index.js';
import type { Auditor } from '../auditor.js';
import { auditFlag } from '../container-flag.js';
import type { FlagRule } from '../container-flag.js';

const PRIVILEGED = sharedCheck('privileged-container');
const NOT_EXPLICIT = sharedCheck('privileged-not-explicit');

/** ref. kubeaudit privileged auditor: privileged must be explicitly false. */
const RULE: FlagRule = {
  field: 'privileged',
  unsafe: true,
  overrideLabel: 'allow-privileged',
  unset: {
    rule: 'PrivilegedNil',
    level: 'warning',
    check: NOT_EXPLICIT,
    message: (c) => `Container ${c} does not set securityContext.privileged; it defaults to false, but state it explicitly.`,
  },
  set: {
    rule: 'PrivilegedTrue',
    level: 'error',
    check: PRIVILEGED,
    message: (c) => `Container ${c} runs privileged (securityContext.privileged: true).`,
  },
};

export const privileged = {
  name: 'privileged',
  checks: [PRIVILEGED, NOT_EXPLICIT],
  audit: (resource) => auditFlag(resource, RULE),
} satisfies Auditor;
