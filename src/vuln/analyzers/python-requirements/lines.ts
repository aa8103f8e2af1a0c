/**
 * Logical lines of a requirements file, as pip reads them. ref. pip `req/req_file.py`
 * (`join_lines`, `ignore_comments`, `expand_env_variables`):
 * - a line ending in `\` continues on the next one, unless it is a comment line; the joined line
 *   keeps the number of its first physical line;
 * - `#` starts a comment at the start of a line or after whitespace;
 * - `${VAR}` is replaced from the environment when pip runs. A scan has no such environment, so a
 *   line that uses one cannot be read faithfully and is left out (`dropped`).
 */
export interface LogicalLine {
  /** 1-based number of the first physical line. */
  line: number;
  text: string;
}

const COMMENT = /(^|\s+)#.*$/;
const STARTS_WITH_COMMENT = /^\s*#/;
const ENV_VARIABLE = /\$\{[A-Z0-9_]+\}/;

export function logicalLines(content: string): { lines: LogicalLine[]; dropped: LogicalLine[] } {
  const joined: LogicalLine[] = [];
  let pending: LogicalLine | undefined;
  content.split('\n').forEach((raw, n) => {
    const physical = raw.replace(/\r$/, '');
    if (physical.endsWith('\\') && !STARTS_WITH_COMMENT.test(physical)) {
      const part = physical.replace(/\\+$/, '');
      pending = pending === undefined ? { line: n + 1, text: part } : { line: pending.line, text: pending.text + part };
      return;
    }
    // pip prefixes a comment line with a space so it is still recognised once joined.
    const part = STARTS_WITH_COMMENT.test(physical) ? ` ${physical}` : physical;
    joined.push(pending === undefined ? { line: n + 1, text: part } : { line: pending.line, text: pending.text + part });
    pending = undefined;
  });
  if (pending !== undefined) joined.push(pending); // a trailing `\` on the last line

  const lines: LogicalLine[] = [];
  const dropped: LogicalLine[] = [];
  for (const entry of joined) {
    const text = entry.text.replace(COMMENT, '').trim();
    if (text === '') continue;
    if (ENV_VARIABLE.test(text)) dropped.push({ line: entry.line, text });
    else lines.push({ line: entry.line, text });
  }
  return { lines, dropped };
}
