import { readYaml } from '../read-yaml.js';
import { firstIssue } from '../schema-issue.js';
import { descriptorsOf, nameFromDescriptor } from './descriptor.js';
import { BerryEntry } from './schema.js';
import type { YarnEntry, YarnParseResult, YarnProblem } from './types.js';

/**
 * yarn berry (yarn ≥ 2) lockfile, which is YAML: `__metadata` plus one entry per resolution,
 * keyed by the descriptors that resolve to it. The project's own root workspace is locked as
 * `<name>@workspace:.`; it is the project, not a dependency. Other workspaces are packages.
 */
export function parseYarnBerry(text: string): YarnParseResult {
  const read = readYaml(text);
  if (!read.ok) return read;
  const document = read.documents[0];
  if (document === undefined || document.value === '') return { ok: true, entries: [], problems: [] };
  const root = document.value;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    return { ok: false, line: 1, message: 'malformed yarn.lock: expected a mapping of entries' };
  }
  const lines = document.keyLines([]);
  const entries: YarnEntry[] = [];
  const problems: YarnProblem[] = [];
  for (const [key, raw] of Object.entries(root)) {
    if (key === '__metadata') continue;
    const line = lines.get(key) ?? 1;
    const checked = BerryEntry.safeParse(raw);
    if (!checked.success) {
      problems.push({ line, message: `entry "${key}": ${firstIssue(checked.error).message}` });
      continue;
    }
    const { version, resolution } = checked.data;
    const descriptors = descriptorsOf(key);
    if ([resolution ?? '', ...descriptors].some((d) => d.endsWith('@workspace:.'))) continue;
    if (version === undefined) problems.push({ line, message: `entry "${key}" has no version` });
    const name = nameFromDescriptor(resolution ?? descriptors[0] ?? key);
    entries.push({ name, version: version ?? '', ...(resolution !== undefined ? { resolution } : {}), line });
  }
  return { ok: true, entries, problems };
}
