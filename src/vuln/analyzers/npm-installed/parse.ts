import { parseYamlStream } from '../../../kernel/index.js';
import { firstIssue } from '../schema-issue.js';
import { InstalledManifest } from './schema.js';

export type InstalledParseResult =
  | { ok: true; name: string; version: string; line?: number }
  | { ok: false; line?: number; message: string };

/** Reads the name and version of an installed package from its package.json. */
export function parseInstalledManifest(text: string, file: string): InstalledParseResult {
  const stream = parseYamlStream(text, { file, json: true });
  const error = stream.errors[0];
  const document = stream.documents[0];
  if (error !== undefined || document === undefined) {
    return { ok: false, ...(error?.line !== undefined ? { line: error.line } : {}), message: error?.message ?? 'empty package.json' };
  }
  const checked = InstalledManifest.safeParse(document.value);
  if (!checked.success) {
    const issue = firstIssue(checked.error);
    return { ok: false, line: document.locate(issue.path).line, message: `not an installed package's package.json: ${issue.message}` };
  }
  return { ok: true, name: checked.data.name, version: checked.data.version, line: document.locate(['name']).line };
}
