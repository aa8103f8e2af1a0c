import { logicalLines } from './lines.js';
import { parseRequirement } from './requirement.js';
import type { ParsedRequirement } from './requirement.js';

export interface RequirementEntry extends ParsedRequirement {
  line: number;
}

export interface RequirementsFile {
  requirements: RequirementEntry[];
  /** `-r`/`--requirement` includes, as written (relative to the including file's folder). */
  includes: Array<{ target: string; line: number }>;
  /** Lines pip would reject (`asdf==`, `==1.0`, `asdf 1.0`), or that need the environment. */
  skipped: Array<{ line: number; reason: string }>;
}

/**
 * Global options that take a value (ref. pip `req/req_file.py` SUPPORTED_OPTIONS); only `-r`
 * names more requirements. `-c` constraints restrict versions but install nothing.
 */
const INCLUDE = /^(?:-r\s*|--requirement(?:\s+|=))(\S.*)$/;

export function parseRequirementsFile(content: string): RequirementsFile {
  const result: RequirementsFile = { requirements: [], includes: [], skipped: [] };
  const { lines, dropped } = logicalLines(content);
  for (const entry of dropped) result.skipped.push({ line: entry.line, reason: 'uses an environment variable' });
  for (const { line, text } of lines) {
    if (text.startsWith('-')) {
      const target = INCLUDE.exec(text)?.[1]?.trim();
      if (target !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) result.includes.push({ target, line });
      continue; // other global options (-c, -e, -i, --index-url, ...) lock nothing
    }
    const parsed = parseRequirement(text);
    if (parsed.kind === 'requirement') result.requirements.push({ ...parsed.value, line });
    else if (parsed.kind === 'invalid') result.skipped.push({ line, reason: parsed.reason });
  }
  return result;
}
