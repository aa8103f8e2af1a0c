import type { CdxComponent } from './model.js';

/** Groups whose packages still ship at run time (npm bundledDependencies). */
const RUNTIME_GROUPS = new Set(['bundled']);

/**
 * ref. CycloneDX 1.6 component.scope: `required` (the default, left out) for anything that runs;
 * `optional` for optional dependencies, which the application runs without; `excluded` for
 * packages "not reachable within a call graph at runtime": dev and test dependencies, and named
 * groups (Poetry, Maven scopes such as provided) that are not the production set.
 */
export function scopeOf(depGroups: readonly string[]): CdxComponent['scope'] | undefined {
  if (depGroups.length === 0 || depGroups.some((g) => RUNTIME_GROUPS.has(g))) return undefined;
  if (depGroups.includes('optional')) return 'optional';
  return 'excluded';
}
