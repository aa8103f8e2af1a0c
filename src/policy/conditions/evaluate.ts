import { asArray, asObject, isObject } from '../../k8s/index.js';
import type { ContextData, MissingMode } from '../variables/index.js';
import { substitute } from '../variables/index.js';
import { applyOperator, normaliseOperator } from './operators.js';

/** Result of a condition block; `message` carries the first failing condition's own message. */
export interface ConditionOutcome {
  passed: boolean;
  message?: string;
}

/**
 * Evaluates Kyverno conditions: `{any: [...], all: [...]}` or the legacy bare list (meaning all).
 * Both present: all must hold and at least one of any. Throws VariableError in strict mode.
 */
export function evaluateConditions(block: unknown, data: ContextData, mode: MissingMode): ConditionOutcome {
  if (block === undefined || block === null) return { passed: true };
  if (Array.isArray(block)) return evaluateAll(block, data, mode);
  const obj = asObject(block);
  if (obj === undefined) return { passed: true };
  if (obj['all'] !== undefined) {
    const all = evaluateAll(asArray(obj['all']), data, mode);
    if (!all.passed) return all;
  }
  const anyList = asArray(obj['any']);
  if (obj['any'] !== undefined && anyList.length > 0) {
    let firstMessage: string | undefined;
    for (const c of anyList) {
      const r = evaluateOne(c, data, mode);
      if (r.passed) return { passed: true };
      firstMessage ??= r.message;
    }
    return firstMessage === undefined ? { passed: false } : { passed: false, message: firstMessage };
  }
  return { passed: true };
}

function evaluateAll(list: unknown[], data: ContextData, mode: MissingMode): ConditionOutcome {
  for (const c of list) {
    const r = evaluateOne(c, data, mode);
    if (!r.passed) return r;
  }
  return { passed: true };
}

function evaluateOne(raw: unknown, data: ContextData, mode: MissingMode): ConditionOutcome {
  if (!isObject(raw)) return { passed: false };
  const op = normaliseOperator(raw['operator']);
  // Operators are validated at load time; an unknown one here means the policy was not loaded by us.
  if (op === undefined) return { passed: false };
  const key = substitute(raw['key'], data, mode);
  const value = substitute(raw['value'], data, mode);
  const passed = applyOperator(op, key, value);
  const message = typeof raw['message'] === 'string' ? String(substitute(raw['message'], data, 'empty')) : undefined;
  return message === undefined ? { passed } : { passed, message };
}
