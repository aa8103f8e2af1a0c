import { BosunError } from '../kernel/index.js';
import type { PssLevel, PssVersion } from './types.js';

/**
 * Newest policy version whose checks we implement; `latest` resolves to it.
 * ref. kubernetes/pod-security-admission test/run.go (newestMinorVersionToTest = 37)
 */
export const LATEST_MINOR = 37;

const VERSION_PATTERN = /^v1\.(0|[1-9][0-9]{0,3})$/;

/**
 * Parses `latest` or `v1.N`. Versions newer than we know behave as `latest`, as PSA treats a
 * version newer than itself. Anything else is a usage error.
 */
export function parsePssVersion(text: string): PssVersion {
  if (text === 'latest') return { minor: LATEST_MINOR, label: `v1.${LATEST_MINOR}` };
  const match = VERSION_PATTERN.exec(text);
  if (match === null) {
    throw new BosunError('usage', `invalid Pod Security Standards version "${text}" (expected "latest" or "v1.N", e.g. v1.30)`);
  }
  const minor = Math.min(Number(match[1]), LATEST_MINOR);
  return { minor, label: `v1.${minor}` };
}

/** Checks the level option, which may come from a config file. */
export function parsePssLevel(text: string): PssLevel {
  if (text === 'baseline' || text === 'restricted') return text;
  throw new BosunError('usage', `invalid Pod Security Standards level "${text}" (expected "baseline" or "restricted")`);
}
