import { asArray, asObject, asString, isObject } from '../../../k8s/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import type { RuleStatus } from '../../api.js';
import { evaluateConditions } from '../../conditions/index.js';
import { searchExpression } from '../../jmespath/index.js';
import type { ContextData } from '../../variables/index.js';
import { loadContextEntries, substitute, VariableError } from '../../variables/index.js';
import { matchPattern } from '../../pattern/index.js';
import { runPodSecurity } from './pod-security.js';
import type { PatternOutcome } from '../../pattern/index.js';

export interface HandlerOutcome {
  status: RuleStatus;
  message: string;
}

/** Values a Values file gives each foreach iteration: `foreachValues: {name: [v0, v1, ...]}`. */
export type ForeachValues = JsonObject;

/**
 * Runs a rule's `validate` block on the request object.
 * ref. kyverno.io/docs "Validate Rules": pattern, anyPattern, deny and foreach.
 */
export function runValidate(ruleName: string, validate: JsonObject, data: ContextData, foreachValues: ForeachValues): HandlerOutcome {
  const message = (scope: ContextData = data): string => renderMessage(validate['message'], scope);
  const request = asObject(data['request']);
  const object = request?.['operation'] === 'DELETE' ? request['oldObject'] : request?.['object'];

  if (validate['pattern'] !== undefined) {
    const pattern = substitute(validate['pattern'], data);
    return fromPattern(ruleName, matchPattern(object, pattern), message);
  }
  if (validate['anyPattern'] !== undefined) {
    const patterns = asArray(substitute(validate['anyPattern'], data));
    const outcomes = patterns.map((p) => matchPattern(object, p));
    if (outcomes.some((o) => o.kind === 'pass')) return passed(ruleName);
    if (outcomes.length > 0 && outcomes.every((o) => o.kind === 'skip')) return { status: 'skip', message: `rule ${ruleName} skipped: conditional anchors did not match` };
    const where = outcomes
      .map((o, i) => (o.kind === 'fail' ? `anyPattern[${i}] failed at path ${o.path}` : ''))
      .filter((s) => s !== '')
      .join('; ');
    return { status: 'fail', message: `validation error: ${sentence(message())} rule ${ruleName}[${where}]` };
  }
  if (validate['deny'] !== undefined) {
    const deny = asObject(validate['deny']);
    const outcome = evaluateConditions(deny?.['conditions'], data, 'strict');
    return outcome.passed ? { status: 'fail', message: `validation error: ${sentence(message())} rule ${ruleName} failed` } : passed(ruleName);
  }
  if (validate['foreach'] !== undefined) {
    return runForeach(ruleName, asArray(validate['foreach']), data, message, foreachValues, 0);
  }
  if (validate['podSecurity'] !== undefined) return runPodSecurity(ruleName, asObject(validate['podSecurity']) ?? {}, object);
  if (validate['manifests'] !== undefined) return { status: 'skip', message: 'validate.manifests is not supported yet' };
  if (validate['assert'] !== undefined) return { status: 'skip', message: 'validate.assert is not supported yet' };
  return { status: 'error', message: `rule ${ruleName}: validate has no pattern, anyPattern, deny or foreach` };
}

function passed(ruleName: string): HandlerOutcome {
  return { status: 'pass', message: `validation rule '${ruleName}' passed.` };
}

function fromPattern(ruleName: string, outcome: PatternOutcome, message: (scope?: ContextData) => string): HandlerOutcome {
  switch (outcome.kind) {
    case 'pass':
      return passed(ruleName);
    case 'skip':
      return { status: 'skip', message: `rule ${ruleName} skipped: ${outcome.global ? 'global' : 'conditional'} anchor did not match at path ${outcome.path}` };
    case 'fail':
      return { status: 'fail', message: `validation error: ${sentence(message())} rule ${ruleName} failed at path ${outcome.path}` };
  }
}

function renderMessage(raw: unknown, data: ContextData): string {
  if (typeof raw !== 'string') return '';
  try {
    const out = substitute(raw, data);
    return typeof out === 'string' ? out : JSON.stringify(out);
  } catch {
    return raw; // a message that cannot be rendered still explains the failure better than nothing
  }
}

/**
 * foreach: the list is a JMESPath expression (without braces); each element is exposed as
 * `element`/`elementIndex` (and `element<depth>` for nested loops). Elements whose preconditions
 * fail are skipped; no applicable element means the rule is skipped.
 */
function runForeach(
  ruleName: string,
  entries: unknown[],
  data: ContextData,
  message: (scope?: ContextData) => string,
  foreachValues: ForeachValues,
  depth: number,
): HandlerOutcome {
  let applied = 0;
  for (const raw of entries) {
    const entry = asObject(raw);
    if (entry === undefined) continue;
    const listExpr = asString(entry['list']) ?? '';
    let list: unknown;
    try {
      list = searchExpression(data, String(substitute(listExpr.replace(/^\{\{(.*)\}\}$/s, '$1'), data)));
    } catch (cause) {
      throw new VariableError(`failed to evaluate foreach list "${listExpr}": ${cause instanceof Error ? cause.message : String(cause)}`);
    }
    if (list === null || list === undefined) continue;
    const items = Array.isArray(list) ? list : isObject(list) ? Object.entries(list).map(([key, value]) => ({ key, value })) : [list];
    for (let i = 0; i < items.length; i++) {
      const scope: ContextData = { ...data, element: items[i], elementIndex: i, [`element${depth}`]: items[i], [`elementIndex${depth}`]: i };
      for (const [name, values] of Object.entries(foreachValues)) {
        if (Array.isArray(values) && i < values.length) scope[name] = values[i];
      }
      loadContextEntries(entry['context'], scope);
      if (!evaluateConditions(entry['preconditions'], scope, 'empty').passed) continue;
      const outcome = foreachBody(ruleName, entry, scope, message, foreachValues, depth);
      if (outcome.status === 'skip') continue;
      applied++;
      if (outcome.status !== 'pass') return outcome;
    }
  }
  if (applied === 0) return { status: 'skip', message: `rule ${ruleName} skipped: no foreach element applied` };
  return passed(ruleName);
}

function foreachBody(
  ruleName: string,
  entry: JsonObject,
  scope: ContextData,
  message: (scope?: ContextData) => string,
  foreachValues: ForeachValues,
  depth: number,
): HandlerOutcome {
  // elementScope: false applies the pattern to the whole resource instead of the element.
  const request = asObject(scope['request']);
  const target = entry['elementScope'] === false ? request?.['object'] : scope['element'];
  const failText = (path?: string): string => `validation failure: ${message(scope)}${path === undefined ? '' : ` (at ${path})`}`;
  if (entry['foreach'] !== undefined) return runForeach(ruleName, asArray(entry['foreach']), scope, message, foreachValues, depth + 1);
  if (entry['pattern'] !== undefined) {
    const outcome = matchPattern(target, substitute(entry['pattern'], scope));
    if (outcome.kind === 'fail') return { status: 'fail', message: failText(outcome.path) };
    return outcome.kind === 'skip' ? { status: 'skip', message: 'conditional anchor did not match' } : passed(ruleName);
  }
  if (entry['anyPattern'] !== undefined) {
    const outcomes = asArray(substitute(entry['anyPattern'], scope)).map((p) => matchPattern(target, p));
    if (outcomes.some((o) => o.kind === 'pass')) return passed(ruleName);
    if (outcomes.length > 0 && outcomes.every((o) => o.kind === 'skip')) return { status: 'skip', message: 'conditional anchors did not match' };
    return { status: 'fail', message: failText() };
  }
  if (entry['deny'] !== undefined) {
    const deny = asObject(entry['deny']);
    const outcome = evaluateConditions(deny?.['conditions'], scope, 'strict');
    if (outcome.passed) return { status: 'fail', message: `validation error: ${sentence(message(scope))} rule ${ruleName} failed` };
    return passed(ruleName);
  }
  return { status: 'error', message: `rule ${ruleName}: foreach entry has no pattern, anyPattern, deny or foreach` };
}

/** Ends a message with exactly one full stop before the rule reference. */
function sentence(message: string): string {
  const trimmed = message.trim();
  return trimmed === '' || trimmed.endsWith('.') ? trimmed : `${trimmed}.`;
}
