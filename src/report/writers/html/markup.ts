import { escapeHtml } from '../escape.js';

const SAFE: unique symbol = Symbol('safe-html');

/** Markup built by `html`; the only thing `html` inserts without escaping. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly html: string;
}

/** What a template may interpolate. `undefined` and `false` render nothing, for optional parts. */
export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[] | undefined | false;

/**
 * Tagged template that escapes every interpolated string and number, so escaping is structural:
 * input text cannot reach the page unescaped unless someone writes `raw(...)`, which only
 * the stylesheet does. Values go in element content or double-quoted attributes, never in
 * `<script>`, `<style>`, URLs or unquoted attributes.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

/** Trusted markup written by us (the stylesheet). Never pass input through this. */
export function raw(markup: string): SafeHtml {
  return { [SAFE]: true, html: markup };
}

function render(value: HtmlValue): string {
  if (value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  if (isSafe(value)) return value.html;
  return value.map((v) => v.html).join('');
}

function isSafe(value: SafeHtml | readonly SafeHtml[]): value is SafeHtml {
  return !Array.isArray(value);
}

/**
 * Text with the catalog's backtick code spans (`` `securityContext.privileged: false` ``) shown as
 * <code>; everything, inside the spans and out, is escaped like any other text.
 */
export function prose(text: string): SafeHtml {
  const parts = text.split(/`([^`\n]+)`/);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : html`${part}`))}`;
}
