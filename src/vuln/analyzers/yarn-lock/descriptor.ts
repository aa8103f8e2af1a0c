/**
 * The package name of a yarn descriptor or locator: `name@range`, `@scope/name@range`, or a bare
 * `name` (yarn v1 writes one when the range is empty). An `npm:` alias range names the real
 * package (`alias@npm:real@^1` → `real`), ref. yarn berry "Protocols > npm" aliases.
 */
export function nameFromDescriptor(descriptor: string): string {
  const scoped = descriptor.startsWith('@');
  const body = scoped ? descriptor.slice(1) : descriptor;
  const at = body.indexOf('@');
  const name = at < 0 ? body : body.slice(0, at);
  const range = at < 0 ? '' : body.slice(at + 1);
  if (range.startsWith('npm:') && range.includes('@', 'npm:'.length)) return nameFromDescriptor(range.slice('npm:'.length));
  return scoped ? `@${name}` : name;
}

/** The descriptors of a berry entry key: `"a@npm:^1.0.0, a@npm:^1.2.0"`. */
export function descriptorsOf(key: string): string[] {
  return key
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
}
