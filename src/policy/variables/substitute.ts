import { searchExpression } from '../jmespath/index.js';

/** A `{{ }}` variable that could not be resolved; the rule reports `error`, never crashes. */
export class VariableError extends Error {
  override readonly name = 'VariableError';
}

/**
 * How a missing value is treated. `strict`: error (rule bodies, deny conditions, messages).
 * `empty`: becomes "" — Kyverno's documented behaviour for preconditions, so a precondition on an
 * absent field is simply false instead of an error.
 */
export type MissingMode = 'strict' | 'empty';

// `{{ ... }}` with one level of inner braces (JMESPath multiselect hashes); `\{{` escapes.
const VARIABLE = /(\\?)\{\{((?:\{[^{}]*\}|[^{}])*)\}\}/g;
const WHOLE = /^\{\{((?:\{[^{}]*\}|[^{}])*)\}\}$/;

export function hasVariables(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (Array.isArray(value)) return value.some(hasVariables);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => k.includes('{{') || hasVariables(v));
  return false;
}

/** Replaces every `{{ expr }}` in a JSON value (strings, nested, and map keys). */
export function substitute(value: unknown, data: unknown, mode: MissingMode = 'strict'): unknown {
  if (typeof value === 'string') return substituteString(value, data, mode);
  if (Array.isArray(value)) return value.map((v) => substitute(v, data, mode));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = k.includes('{{') ? String(substituteString(k, data, mode)) : k;
      out[key] = substitute(v, data, mode);
    }
    return out;
  }
  return value;
}

function substituteString(text: string, data: unknown, mode: MissingMode): unknown {
  if (!text.includes('{{')) return text;
  // Inner variables first (`{{ a[?name == '{{element.name}}'] }}`), as Kyverno resolves them.
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const whole = WHOLE.exec(current);
    if (whole !== null) return resolve(whole[1] ?? '', data, mode);
    let replaced = false;
    const next = current.replace(VARIABLE, (match, escape: string, expr: string) => {
      if (escape === '\\') return match;
      replaced = true;
      return asText(resolve(expr, data, mode));
    });
    current = next;
    if (!replaced) break;
  }
  return current.replace(/\\\{\{/g, '{{');
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

/** Simple field paths report "not found"; computed expressions may legitimately return null. */
const PLAIN_PATH = /^[\w@\-.[\]"'/*]+$/;

export function resolve(rawExpression: string, data: unknown, mode: MissingMode): unknown {
  const expression = rawExpression.trim();
  // `{{@}}` and `$(...)` refer to the pattern being walked; handled by the validator, keep as is.
  if (expression === '@') return `{{@}}`;
  let result: unknown;
  try {
    result = searchExpression(data, expression);
  } catch (cause) {
    if (mode === 'empty') return '';
    throw new VariableError(`failed to evaluate {{${expression}}}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  if (result === null && PLAIN_PATH.test(expression)) {
    if (mode === 'empty') return '';
    throw new VariableError(`variable {{${expression}}} not found`);
  }
  return result;
}
