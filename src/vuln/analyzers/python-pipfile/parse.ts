import { readJsonDocument } from '../structured-lockfile.js';
import { PipfileLock } from './schema.js';

export interface PipfileEntry {
  name: string;
  version: string;
  dev: boolean;
  line: number;
}

export type PipfileParseResult =
  | { ok: true; entries: PipfileEntry[] }
  | { ok: false; line?: number; message: string };

/**
 * Reads Pipfile.lock. A package locked in both sections at the same version is a production
 * dependency (pipenv installs `default` for production, `default` + `develop` for development).
 * Entries without a version are VCS or local-path installs: nothing is pinned to report, as in
 * pipenv's own `requirements` export, which writes them as URLs.
 */
export function parsePipfileLock(text: string, file: string): PipfileParseResult {
  if (text.trim() === '') return { ok: true, entries: [] };
  const read = readJsonDocument(text, file, PipfileLock, { unexpected: 'unexpected Pipfile.lock content' });
  if (!read.ok) return read;
  const { data, document } = read;
  const entries: PipfileEntry[] = [];
  const seen = new Set<string>();
  for (const section of ['default', 'develop'] as const) {
    for (const [name, entry] of Object.entries(data[section] ?? {})) {
      if (entry.version === undefined || entry.version === '') continue;
      const line = document.locate([section, name]).line;
      // pipenv always pins with `==` (ref. pipenv `utils/dependencies.py`); anything else is not a lock.
      const version = /^===?(.+)$/.exec(entry.version.trim())?.[1]?.trim();
      if (version === undefined) {
        return { ok: false, line, message: `${section}.${name}: version "${entry.version}" is not pinned with ==` };
      }
      const key = `${name.toLowerCase()}@${version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ name, version, dev: section === 'develop', line });
    }
  }
  return { ok: true, entries };
}
