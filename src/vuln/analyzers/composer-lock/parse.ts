import { readJsonDocument } from '../structured-lockfile.js';
import { ComposerLock } from './schema.js';
import type { ComposerPackage } from './schema.js';

export interface ComposerEntry {
  name: string;
  version: string;
  dev: boolean;
  commit?: string;
  line: number;
}

export type ComposerParseResult =
  | { ok: true; entries: ComposerEntry[] }
  | { ok: false; line?: number; message: string };

/** Reads composer.lock: `packages` are production, `packages-dev` are the `require-dev` closure. */
export function parseComposerLock(text: string, file: string): ComposerParseResult {
  if (text.trim() === '') return { ok: true, entries: [] };
  const read = readJsonDocument(text, file, ComposerLock, { unexpected: 'unexpected composer.lock content' });
  if (!read.ok) return read;
  const { data, document } = read;
  const entries: ComposerEntry[] = [];
  const sections = [
    ['packages', data.packages ?? []],
    ['packages-dev', data['packages-dev'] ?? []],
  ] as const;
  for (const [key, list] of sections) {
    list.forEach((pkg, n) => {
      const commit = commitOf(pkg);
      entries.push({
        name: pkg.name,
        version: pkg.version,
        dev: key === 'packages-dev',
        ...(commit !== undefined ? { commit } : {}),
        line: document.locate([key, n, 'name']).line,
      });
    });
  }
  return { ok: true, entries };
}

/**
 * `source.reference` (or `dist.reference`) is the VCS commit for git/hg sources, but for registries
 * such as packages.drupal.org it is a tag (`2.0.0-alpha4`); only a full hash is a commit.
 */
function commitOf(pkg: ComposerPackage): string | undefined {
  for (const reference of [pkg.source?.reference, pkg.dist?.reference]) {
    if (typeof reference === 'string' && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(reference)) return reference;
  }
  return undefined;
}
