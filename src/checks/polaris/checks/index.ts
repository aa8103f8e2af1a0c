import type { CheckInfo } from '../../types.js';
import type { PolarisCheck } from '../types.js';
import { AUTOSCALING } from './autoscaling.js';
import { CONTAINER_SECURITY } from './container-security.js';
import { DISRUPTION_BUDGET } from './disruption-budget.js';
import { linuxHardening } from './linux-hardening.js';
import { NETWORK } from './network.js';
import { POD_SECURITY } from './pod-security.js';
import { RBAC_BINDINGS } from './rbac-bindings.js';
import { RBAC_ROLES } from './rbac-roles.js';
import { RELIABILITY } from './reliability.js';
import { RESOURCES } from './resources.js';
import { SECRETS } from './secrets.js';
import { automountServiceAccountToken } from './service-account.js';

/** Every built-in Polaris check, by Polaris id. A test checks this matches the default severity map. */
export const BUILT_IN_CHECKS: ReadonlyMap<string, PolarisCheck> = new Map(
  [
    ...POD_SECURITY,
    ...CONTAINER_SECURITY,
    linuxHardening,
    ...RESOURCES,
    ...RELIABILITY,
    ...AUTOSCALING,
    ...DISRUPTION_BUDGET,
    ...NETWORK,
    automountServiceAccountToken,
    ...SECRETS,
    ...RBAC_ROLES,
    ...RBAC_BINDINGS,
  ].map((check) => [check.id, check]),
);

/** The CheckInfo of every built-in check, each once (several Polaris checks share one fact). */
export const BUILT_IN_CHECK_INFOS: readonly CheckInfo[] = [...new Map([...BUILT_IN_CHECKS.values()].map((c) => [c.info.id, c.info])).values()];
