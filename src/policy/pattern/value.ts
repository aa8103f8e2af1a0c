import { compareOrdered, scalarText, valuesEqual, wildcardMatch } from '../conditions/index.js';

/**
 * Matches one scalar resource value against a scalar pattern value, ref. kyverno.io/docs
 * "Validate Resources › Operators": `|` (or), `&` (and), `!`, `>`, `>=`, `<`, `<=`, ranges
 * `a-b` / `a!-b`, and `*`/`?` wildcards; numbers, quantities and durations compare by magnitude.
 */
export function matchValue(value: unknown, pattern: unknown): boolean {
  if (pattern === null || pattern === undefined) return value === null || value === undefined || value === '' || value === 0 || value === false;
  if (typeof pattern === 'boolean') return value === pattern || (typeof value === 'string' && value === String(pattern));
  if (typeof pattern === 'number') {
    if (typeof value === 'number') return value === pattern;
    if (typeof value === 'string' && value.trim() !== '') return Number(value) === pattern || compareOrdered(value, pattern) === 0;
    return false;
  }
  if (typeof pattern !== 'string') return false;
  return pattern.split('|').some((alt) => alt.split('&').every((part) => matchOne(value, part.trim())));
}

function matchOne(value: unknown, pattern: string): boolean {
  if (typeof value === 'object' && value !== null) return false;
  const range = /^(\S+?)(!?)-(\S+)$/.exec(pattern);
  if (range !== null && isMagnitude(range[1] ?? '') && isMagnitude(range[3] ?? '')) {
    const lo = compareOrdered(value, range[1]);
    const hi = compareOrdered(value, range[3]);
    if (lo === undefined || hi === undefined) return false;
    const inside = lo >= 0 && hi <= 0;
    return range[2] === '!' ? !inside : inside;
  }
  for (const [op, test] of OPERATORS) {
    if (pattern.startsWith(op)) {
      const operand = pattern.slice(op.length).trim();
      if (op === '!') return !equalsScalar(value, operand);
      const d = compareOrdered(value, operand);
      return d !== undefined && test(d);
    }
  }
  return equalsScalar(value, pattern);
}

const OPERATORS: Array<[string, (d: number) => boolean]> = [
  ['>=', (d) => d >= 0],
  ['<=', (d) => d <= 0],
  ['>', (d) => d > 0],
  ['<', (d) => d < 0],
  ['!', () => false],
];

function isMagnitude(text: string): boolean {
  return compareOrdered(text, text) !== undefined;
}

function equalsScalar(value: unknown, pattern: string): boolean {
  if (typeof value === 'string') return valuesEqual(value, pattern);
  if (value === null || value === undefined) return wildcardMatch(pattern, '');
  return wildcardMatch(pattern, scalarText(value)) || valuesEqual(value, pattern);
}
