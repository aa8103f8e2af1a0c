/** Glob with `*` (any run) and `?` (one character), the only wildcards Kyverno understands. */
export function wildcardMatch(pattern: string, text: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === text;
  return globRegex(pattern).test(text);
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

const regexCache = new Map<string, RegExp>();

function globRegex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
    re = new RegExp(`^${body}$`);
    regexCache.set(pattern, re);
  }
  return re;
}
