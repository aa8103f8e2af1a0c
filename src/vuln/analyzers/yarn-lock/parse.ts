import { parseYarnBerry } from './parse-berry.js';
import { parseYarnV1 } from './parse-v1.js';
import type { YarnParseResult } from './types.js';

/**
 * Both yarn.lock formats share the file name. Berry's is YAML and always starts its entries with
 * a `__metadata` map (lockfile version, cache key); yarn classic never writes one.
 */
export function parseYarnLock(text: string): YarnParseResult {
  return /^"?__metadata"?:/m.test(text) ? parseYarnBerry(text) : parseYarnV1(text);
}
