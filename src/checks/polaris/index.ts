import type { CheckFamily } from '../types.js';
import { BUILT_IN_CHECK_INFOS } from './checks/index.js';
import { resolvePolarisConfig } from './config.js';
import { runPolaris } from './run.js';
import { summarizePolaris } from './summarize.js';

export { BUILT_IN_CHECKS } from './checks/index.js';
export { PolarisConfig, resolvePolarisConfig } from './config.js';
export type { PolarisExemption, ResolvedPolarisConfig } from './config.js';
export { customCheckId } from './custom/check.js';
export { PolarisCheckDefinition } from './custom/definition.js';
export { gradeLetter, polarisScore } from './score.js';
export { DEFAULT_SEVERITIES } from './severity.js';

/**
 * Polaris-compatible audit: the 44 built-in checks with Polaris's targets, severities and
 * exemptions, custom checks in Polaris's format, and Polaris's scores and grades.
 * Configured through `options.families.polaris` (see config.ts).
 */
export const polarisFamily: CheckFamily = {
  id: 'polaris',
  title: 'Polaris-compatible best practices, with scores and grades',
  checks: BUILT_IN_CHECK_INFOS,
  run: (context) => runPolaris(context, resolvePolarisConfig(context.options.families.polaris)),
  summarize: (results) => summarizePolaris(results),
};
