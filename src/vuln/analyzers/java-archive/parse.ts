/**
 * The main section of a JAR manifest. ref. JAR File Specification, "JAR Manifest": `Name: value`
 * lines ending in CR LF, LF or CR; a line starting with one space continues the previous one
 * (lines are wrapped at 72 bytes); the main section ends at the first empty line. Attribute names
 * are case-insensitive, so keys are lower-cased.
 */
export function parseManifest(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') break;
    if (line.startsWith(' ')) {
      if (last !== undefined) attributes.set(last, `${attributes.get(last) ?? ''}${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(': ');
    if (colon <= 0) {
      last = undefined;
      continue;
    }
    last = line.slice(0, colon).toLowerCase();
    attributes.set(last, line.slice(colon + 2));
  }
  for (const [key, value] of attributes) attributes.set(key, value.trim());
  return attributes;
}

/**
 * A Java properties file, as Maven writes pom.properties (groupId, artifactId, version). ref.
 * java.util.Properties#load: `#`/`!` comment lines; the key ends at the first unescaped `=`, `:`
 * or white space; a line ending in an odd number of backslashes continues on the next (leading
 * white space dropped); `\uXXXX` and `\t \n \r \f` escapes, any other escaped character is itself.
 */
export function parseProperties(text: string): Map<string, string> {
  const properties = new Map<string, string>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let logical = (lines[i] ?? '').replace(/^[ \t\f]+/, '');
    if (logical === '' || logical.startsWith('#') || logical.startsWith('!')) continue;
    while (endsInContinuation(logical) && i + 1 < lines.length) {
      logical = logical.slice(0, -1) + (lines[++i] ?? '').replace(/^[ \t\f]+/, '');
    }
    if (endsInContinuation(logical)) logical = logical.slice(0, -1);
    let end = 0;
    while (end < logical.length && !/[=: \t\f]/.test(logical[end] ?? '')) end += logical[end] === '\\' ? 2 : 1;
    const key = unescape(logical.slice(0, end));
    let rest = logical.slice(end).replace(/^[ \t\f]*/, '');
    if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^[ \t\f]*/, '');
    properties.set(key, unescape(rest));
  }
  return properties;
}

function endsInContinuation(line: string): boolean {
  const backslashes = /\\*$/.exec(line)?.[0].length ?? 0;
  return backslashes % 2 === 1;
}

function unescape(value: string): string {
  return value.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return e === 't' ? '\t' : e === 'n' ? '\n' : e === 'r' ? '\r' : e === 'f' ? '\f' : e;
  });
}

/**
 * `artifactId-version.jar`, as Maven's repository layout and its packaging name files. The
 * version starts at the last `-` followed by digits and a dot (`log4j-1.2-api-2.17.1`,
 * `foo-2.0-beta-1` read right), else at the first `-` followed by a digit (`foo-20040616`).
 */
export function parseArchiveName(fileName: string): { artifactId: string; version: string } | undefined {
  const stem = fileName.replace(/\.[A-Za-z]+$/, '');
  const dotted = [...stem.matchAll(/-(?=\d+\.)/g)].at(-1)?.index;
  const at = dotted ?? /-(?=\d)/.exec(stem)?.index;
  if (at === undefined || at === 0) return undefined;
  return { artifactId: stem.slice(0, at), version: stem.slice(at + 1) };
}
