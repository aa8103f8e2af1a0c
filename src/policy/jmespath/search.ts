import { compile, TreeInterpreter } from '@jmespath-community/jmespath';
import type { JSONValue } from '@jmespath-community/jmespath';
import { registerKyvernoFunctions } from './functions.js';

type Compiled = ReturnType<typeof compile>;

const cache = new Map<string, Compiled>();

/** Parses a JMESPath expression (cached). Throws with the parser's message when invalid. */
export function compileExpression(expression: string): Compiled {
  registerKyvernoFunctions();
  let node = cache.get(expression);
  if (node === undefined) {
    node = compile(expression);
    cache.set(expression, node);
  }
  return node;
}

/** Evaluates an expression against data; throws on syntax or function errors. */
export function searchExpression(data: unknown, expression: string): unknown {
  const node = compileExpression(expression);
  return TreeInterpreter.search(node, data as JSONValue);
}
