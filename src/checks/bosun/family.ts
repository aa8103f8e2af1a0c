import type { AuditContext, CheckFamily, CheckResult } from '../types.js';
import { configMapChecks } from './credentials/configmap.js';
import { envChecks } from './credentials/env.js';
import { secretChecks } from './credentials/secret.js';
import type { CheckGroup } from './group.js';
import { networkChecks } from './network.js';
import { bindingChecks } from './rbac/bindings.js';
import { roleChecks } from './rbac/roles.js';
import { serviceChecks } from './services.js';

/** Every group, listed explicitly: adding a file does nothing until it is registered here. */
const GROUPS: readonly CheckGroup[] = [roleChecks, bindingChecks, serviceChecks, envChecks, configMapChecks, secretChecks, networkChecks];

export const bosunFamily: CheckFamily = {
  id: 'bosun',
  title: 'Bosun checks: RBAC risk, exposed services, credentials, network isolation',
  checks: GROUPS.flatMap((g) => g.checks),
  run(context: AuditContext): CheckResult[] {
    return GROUPS.flatMap((g) => g.run(context));
  },
};

