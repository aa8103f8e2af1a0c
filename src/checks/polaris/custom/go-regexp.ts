/**
 * Polaris schemas are evaluated with Go's RE2, which takes inline flags such as `^(?i)ALL$`; JavaScript
 * takes flags only on the whole expression. Each Go flag group becomes a flag of the whole pattern.
 * That is exact for the usual `(?i)` at (or near) the start, and an approximation when a flag is
 * meant for part of a pattern only. ref. https://github.com/google/re2/wiki/Syntax
 */
export function goRegExp(pattern: string, flags: string): RegExp {
  const wanted = new Set(flags);
  const translated = pattern
    // `(?i)` and friends: drop the group, keep the flags.
    .replace(/\(\?([imsU]+)\)/g, (_m, f: string) => {
      for (const flag of f) if (flag !== 'U') wanted.add(flag);
      return '';
    })
    // `(?i:...)` scoped flags become a plain group.
    .replace(/\(\?([imsU]+):/g, (_m, f: string) => {
      for (const flag of f) if (flag !== 'U') wanted.add(flag);
      return '(?:';
    })
    // RE2's text anchors.
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$(?![\\s\\S])');
  try {
    return new RegExp(translated, [...wanted].join(''));
  } catch {
    // Some RE2 escapes are invalid under the `u` flag; retry without it before giving up.
    wanted.delete('u');
    return new RegExp(translated, [...wanted].join(''));
  }
}
