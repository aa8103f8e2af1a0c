import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BosunError } from '../../kernel/index.js';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
/** Folders that never hold manifests a user means to audit, and can be huge. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export const STDIN = '-';

/**
 * Expands the paths a user gave into manifest files, in a stable order. Files named explicitly are
 * taken whatever their extension; directories are walked for .yaml/.yml/.json. Symlinked directories
 * are followed once (a loop is not followed twice).
 */
export async function discoverManifests(paths: readonly string[]): Promise<{ files: string[]; errors: BosunError[] }> {
  const files: string[] = [];
  const errors: BosunError[] = [];
  const seenDirs = new Set<string>();
  for (const path of paths) {
    if (path === STDIN) {
      files.push(STDIN);
      continue;
    }
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, files, seenDirs);
      else files.push(path);
    } catch (cause) {
      errors.push(new BosunError('input.read', `cannot read: ${reason(cause)}`, { file: path, cause }));
    }
  }
  return { files, errors };
}

async function walk(dir: string, out: string[], seen: Set<string>): Promise<void> {
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(full).catch(() => undefined);
      isDir = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDir) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(full, out, seen);
    } else if (isFile && MANIFEST_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      out.push(full);
    }
  }
}

function reason(cause: unknown): string {
  if (cause instanceof Error && 'code' in cause) {
    const code = String(cause.code);
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES') return 'permission denied';
  }
  return cause instanceof Error ? cause.message : String(cause);
}
