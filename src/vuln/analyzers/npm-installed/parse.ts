import { readJsonDocument } from '../structured-lockfile.js';
import { InstalledManifest } from './schema.js';

export type InstalledParseResult =
  | { ok: true; name: string; version: string; line?: number }
  | { ok: false; line?: number; message: string };

/** Reads the name and version of an installed package from its package.json. */
export function parseInstalledManifest(text: string, file: string): InstalledParseResult {
  const read = readJsonDocument(text, file, InstalledManifest, { empty: 'empty package.json', unexpected: "not an installed package's package.json" });
  if (!read.ok) return read;
  const { data, document } = read;
  return { ok: true, name: data.name, version: data.version, line: document.locate(['name']).line };
}
