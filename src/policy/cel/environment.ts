import { Environment } from '@marcbachmann/cel-js';

/**
 * One CEL environment for every policy, configured the way Kubernetes admission CEL behaves:
 * undeclared variables are dynamic, mixed list literals are allowed, and optional chaining
 * (`?.`, `[?k]`, `orValue`) is on. ref. kubernetes.io/docs "Common Expression Language in Kubernetes".
 */
let shared: Environment | undefined;

export function celEnvironment(): Environment {
  if (shared === undefined) {
    shared = new Environment({ enableOptionalTypes: true, unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false });
    // Kyverno's user library, ref. kyverno.io/docs "CEL libraries › User".
    shared.registerFunction('parseServiceAccount(string): map<string, string>', parseServiceAccount);
  }
  return shared;
}

function parseServiceAccount(username: string): Map<string, string> {
  const m = /^system:serviceaccount:([^:]+):(.+)$/.exec(username);
  return new Map([
    ['Namespace', m?.[1] ?? ''],
    ['Name', m?.[2] ?? ''],
  ]);
}

/**
 * cel-go (Kyverno) accepts `x.field.orValue(d)` on a plain field access and returns the field;
 * cel-js requires an optional receiver. Policies in the wild rely on the former, so such
 * accesses are rewritten to optional ones (`x.?field.orValue(d)`) before evaluation.
 */
export function normaliseCel(expression: string): string {
  return expression.replace(/\.(?!\?)([A-Za-z_]\w*)\.orValue\(/g, '.?$1.orValue(');
}

/** Evaluates with the shared environment after Kyverno-compatibility rewrites. */
export function evaluateCel(expression: string, activation: Record<string, unknown>): unknown {
  return celEnvironment().evaluate(normaliseCel(expression), activation);
}
