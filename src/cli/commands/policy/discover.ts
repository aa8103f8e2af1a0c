import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BosunError } from '../../../kernel/index.js';

/** Finds every `kyverno-test.yaml` under the paths, hidden folders included, in sorted order. */
export async function discoverTests(paths: readonly string[], fileName = 'kyverno-test.yaml'): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (cause) {
      throw new BosunError('input.read', `cannot read ${path}`, { file: path, cause });
    }
    if (info.isFile()) found.push(path);
    else await walk(path, fileName, found);
  }
  return found;
}

async function walk(dir: string, fileName: string, found: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') await walk(full, fileName, found);
    } else if (entry.name === fileName) found.push(full);
  }
}
