import { parseYamlStream } from '../../../kernel/index.js';
import { firstIssue } from '../schema-issue.js';
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
  const stream = parseYamlStream(text, { file, json: true });
  const error = stream.errors[0];
  const document = stream.documents[0];
  if (error !== undefined || document === undefined) {
    return { ok: false, ...(error?.line !== undefined ? { line: error.line } : {}), message: error?.message ?? 'empty document' };
  }
  const checked = ComposerLock.safeParse(document.value);
  if (!checked.success) {
    const issue = firstIssue(checked.error);
    return { ok: false, line: document.locate(issue.path).line, message: `unexpected composer.lock content: ${issue.message}` };
  }
  const entries: ComposerEntry[] = [];
  const sections = [
    ['packages', checked.data.packages ?? []],
    ['packages-dev', checked.data['packages-dev'] ?? []],
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
