import { readJsonDocument } from '../structured-lockfile.js';
import { DepsJson } from './schema.js';

export interface DepsLibraryEntry {
  name: string;
  version: string;
  /** `package` (from NuGet) or `runtimepack` (the runtime of a self-contained app, also a NuGet package). */
  type: string;
  line: number;
}

export type DepsJsonParseResult = { ok: true; entries: DepsLibraryEntry[] } | { ok: false; line?: number; message: string };

/** `project` is the app or a project reference built from source; `reference` a bare assembly: neither is a NuGet package. */
const NUGET_TYPES = new Set(['package', 'runtimepack']);

export function parseDepsJson(text: string, file: string): DepsJsonParseResult {
  const read = readJsonDocument(text, file, DepsJson, { unexpected: 'unexpected deps.json content' });
  if (!read.ok) return read;
  const { data, document } = read;
  const entries: DepsLibraryEntry[] = [];
  for (const [key, library] of Object.entries(data.libraries ?? {})) {
    if (!NUGET_TYPES.has(library.type)) continue;
    const slash = key.lastIndexOf('/');
    const line = document.locate(['libraries', key]).line;
    if (slash <= 0 || slash === key.length - 1) return { ok: false, line, message: `library key "${key}" is not "Name/Version"` };
    entries.push({ name: key.slice(0, slash), version: key.slice(slash + 1), type: library.type, line });
  }
  return { ok: true, entries };
}
