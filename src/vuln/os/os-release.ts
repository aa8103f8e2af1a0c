/**
 * os-release(5) parsing. ref. https://www.freedesktop.org/software/systemd/man/os-release.html:
 * newline-separated `KEY=value` assignments, values optionally in single or double quotes with
 * shell-style backslash escapes inside double quotes; `#` lines are comments.
 */
export function parseOsRelease(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match === null) continue;
    fields.set(match[1] ?? '', unquote(match[2] ?? ''));
  }
  return fields;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1);
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\([\\$"`])/g, '$1');
  return v;
}
