import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { dpkgStatus } from './index.js';

/** dpkg-query's own view of the installed packages, or undefined when dpkg is not on this machine. */
function dpkgQuery(): string[] | undefined {
  if (!existsSync('/var/lib/dpkg/status')) return undefined;
  try {
    const out = execFileSync('dpkg-query', ['-W', '-f', '${db:Status-Status} ${Package} ${Version}\n'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return out
      .split('\n')
      .filter((l) => l.startsWith('installed '))
      .map((l) => l.slice('installed '.length))
      .sort();
  } catch {
    return undefined;
  }
}

const host: FileReader = { readText: async (path) => (existsSync(`/${path}`) ? readFileSync(`/${path}`, 'utf8') : undefined) };

describe('dpkg-status on this machine', () => {
  const expected = dpkgQuery();
  it('lists what dpkg-query lists', { skip: expected === undefined ? 'dpkg-query or /var/lib/dpkg/status not available' : false }, async () => {
    const out = await dpkgStatus.analyze({ path: 'var/lib/dpkg/status', content: readFileSync('/var/lib/dpkg/status', 'utf8'), files: host });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map((p) => `${p.name} ${p.version}`).sort(), expected);
  });
});
