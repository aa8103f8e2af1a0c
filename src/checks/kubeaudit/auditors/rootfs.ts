import { sharedCheck } from '../../catalog/index.js';
import type { Auditor } from '../auditor.js';
import { auditFlag } from '../container-flag.js';
import type { FlagRule } from '../container-flag.js';

const WRITABLE = sharedCheck('root-filesystem-writable');

/** ref. kubeaudit rootfs auditor: readOnlyRootFilesystem must be true. */
const RULE: FlagRule = {
  field: 'readOnlyRootFilesystem',
  unsafe: false,
  overrideLabel: 'allow-read-only-root-filesystem-false',
  unset: {
    rule: 'ReadOnlyRootFilesystemNil',
    level: 'error',
    check: WRITABLE,
    message: (c) => `Container ${c} does not set securityContext.readOnlyRootFilesystem, so its root filesystem is writable.`,
  },
  set: {
    rule: 'ReadOnlyRootFilesystemFalse',
    level: 'error',
    check: WRITABLE,
    message: (c) => `Container ${c} sets securityContext.readOnlyRootFilesystem: false.`,
  },
};

export const rootfs = {
  name: 'rootfs',
  checks: [WRITABLE],
  audit: (resource) => auditFlag(resource, RULE),
} satisfies Auditor;
