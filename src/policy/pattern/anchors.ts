/**
 * Pattern anchors, ref. kyverno.io/docs "Validate Resources › Anchors":
 * `(k)` conditional, `=(k)` equality, `^(k)` existence, `X(k)` negation, `<(k)` global,
 * `+(k)` add-if-not-present (mutate; read as equality when validating).
 */
export type AnchorKind = 'conditional' | 'equality' | 'existence' | 'negation' | 'global' | 'addIfNotPresent';

export interface ParsedKey {
  anchor: AnchorKind | undefined;
  key: string;
}

const PREFIX: Record<string, AnchorKind> = { '=': 'equality', '^': 'existence', X: 'negation', '<': 'global', '+': 'addIfNotPresent' };

export function parseKey(raw: string): ParsedKey {
  if (raw.startsWith('(') && raw.endsWith(')') && raw.length > 2) return { anchor: 'conditional', key: raw.slice(1, -1) };
  const first = raw[0] ?? '';
  const anchor = PREFIX[first];
  if (anchor !== undefined && raw[1] === '(' && raw.endsWith(')') && raw.length > 3) return { anchor, key: raw.slice(2, -1) };
  return { anchor: undefined, key: raw };
}

/** Why a key looks like a broken anchor (`(name`, `Y(name)`), or undefined when it is fine. */
export function anchorProblem(raw: string): string | undefined {
  const parsed = parseKey(raw);
  if (parsed.anchor !== undefined) {
    return parsed.key.includes('(') || parsed.key.includes(')') ? `anchor "${raw}" has nested parentheses` : undefined;
  }
  if (/^[^(]{0,1}\(/.test(raw) && !raw.endsWith(')')) return `anchor "${raw}" is missing its closing parenthesis`;
  if (/^.\(.*\)$/.test(raw)) return `unknown anchor "${raw[0] ?? ''}(" in "${raw}" (expected (), =(), ^(), X(), <() or +())`;
  if (raw.startsWith('(') && !raw.endsWith(')')) return `anchor "${raw}" is missing its closing parenthesis`;
  return undefined;
}
