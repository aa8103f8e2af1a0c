import { evaluateTemplate } from './eval.js';
import { parseTemplate } from './parse.js';

export { MISSING, formatValue, truthy } from './eval.js';

/** A parsed template, ready to render against many resources. */
export interface CompiledTemplate {
  /** True when the text has no actions and renders to itself. */
  readonly isStatic: boolean;
  render(data: unknown): string;
}

/** Parses once; syntax outside the supported subset throws BosunError `config.invalid`. */
export function compileTemplate(source: string): CompiledTemplate {
  const nodes = parseTemplate(source);
  const isStatic = nodes.every((n) => n.type === 'text');
  const text = isStatic ? evaluateTemplate(nodes, undefined) : '';
  return { isStatic, render: (data) => (isStatic ? text : evaluateTemplate(nodes, data)) };
}
