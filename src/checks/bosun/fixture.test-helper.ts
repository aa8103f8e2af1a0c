import assert from 'node:assert/strict';
import { loadText } from '../../adapters/manifests/index.js';
import { createResourceIndex } from '../resource-index.js';
import type { AuditContext, CheckResult } from '../types.js';
import type { CheckGroup } from './group.js';

/** Parses manifests the way the CLI does, so paths and positions are the real ones. */
export function contextOf(yaml: string): AuditContext {
  const loaded = loadText('fixture.yaml', yaml);
  assert.deepEqual(loaded.diagnostics, [], 'fixture must load without diagnostics');
  return {
    resources: loaded.resources,
    index: createResourceIndex(loaded.resources),
    options: { pssLevel: 'restricted', pssVersion: 'latest', families: {} },
  };
}

export function run(group: CheckGroup, yaml: string): CheckResult[] {
  return group.run(contextOf(yaml));
}

/** Results of one check on one resource name. */
export function resultsFor(results: readonly CheckResult[], checkId: string, name?: string): CheckResult[] {
  return results.filter((r) => r.checkId === checkId && (name === undefined || r.resource.name === name));
}

/** The single result of a check on a resource; fails the test when there is not exactly one. */
export function single(results: readonly CheckResult[], checkId: string, name?: string): CheckResult {
  const found = resultsFor(results, checkId, name);
  assert.equal(found.length, 1, `expected one ${checkId} result${name === undefined ? '' : ` on ${name}`}, got ${found.length}`);
  const [result] = found;
  assert.ok(result !== undefined);
  return result;
}

/** Line of the field a result points at, as a report would show it. */
export function lineOf(result: CheckResult): number {
  return result.path === undefined ? result.resource.source.position.line : result.resource.source.locate(result.path).line;
}

/** Indents a multi-line text for a YAML block scalar. */
export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text.trimEnd().split('\n').map((line) => `${pad}${line}`).join('\n');
}

/**
 * Deterministic pseudo-random characters: tokens that look real without any real one in the repository
 * (and without tripping push-protection scanners on a literal).
 */
export function fakeChars(length: number, seed: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[Math.floor((state / 2147483648) * alphabet.length)] ?? 'x';
  }
  return out;
}

/** Realistic credentials built at run time, one of each shape the scanner knows. */
export const FAKE = {
  awsKeyId: `AKIA${fakeChars(16, 1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  awsSecret: `${fakeChars(18, 2)}/${fakeChars(21, 3)}`,
  github: `ghp_${fakeChars(36, 4)}`,
  slack: `xoxb-2048135791-4096246802-${fakeChars(24, 5)}`,
  google: `AIza${fakeChars(35, 6)}`,
  stripe: `sk_live_${fakeChars(24, 7)}`,
  jwt: [
    Buffer.from('{"alg":"RS256","kid":"k1","typ":"JWT"}').toString('base64url'),
    Buffer.from('{"iss":"https://auth.example.com","sub":"ci-bot","exp":1900000000}').toString('base64url'),
    fakeChars(86, 8),
  ].join('.'),
  password: `Zq8${fakeChars(13, 9)}`,
} as const;
