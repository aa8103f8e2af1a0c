import type { PathSegment } from '../../kernel/index.js';
import { asArray, asObject, asString, isObject } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import { normaliseOperator } from '../conditions/index.js';
import { compileCel } from '../cel/index.js';
import { anchorProblem } from '../handlers/validate/index.js';
import { compileExpression } from '../jmespath/index.js';
import { checkPodSecurity } from './pod-security.js';

/** One problem found in a policy, with the field path it is about. */
export interface PolicyProblem {
  path: PathSegment[];
  reason: string;
}

/**
 * Static checks Kyverno's admission webhook would reject a policy for, done once at load time so a
 * broken policy fails with a location instead of mis-evaluating later.
 */
export function checkRule(rule: JsonObject, at: PathSegment[]): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (path: PathSegment[], reason: string): void => void problems.push({ path: [...at, ...path], reason });
  if (typeof rule['name'] !== 'string' || rule['name'] === '') add(['name'], 'rule has no name');
  if (!isObject(rule['match'])) add(['match'], 'rule has no match block');
  const kinds = ['validate', 'mutate', 'generate', 'verifyImages'].filter((k) => rule[k] !== undefined);
  if (kinds.length !== 1) add([], `rule must have exactly one of validate, mutate, generate or verifyImages (has ${kinds.length === 0 ? 'none' : kinds.join(', ')})`);
  checkConditions(rule['preconditions'], ['preconditions'], add);
  checkContext(rule['context'], ['context'], add);
  const validate = asObject(rule['validate']);
  if (validate !== undefined) {
    for (const key of Object.keys(validate)) {
      if (!VALIDATE_FIELDS.has(key)) add(['validate', key], `unknown field "${key}" in validate`);
    }
    if (!VALIDATE_ACTIONS.some((k) => validate[k] !== undefined)) add(['validate'], `validate needs one of ${VALIDATE_ACTIONS.join(', ')}`);
    checkPatternKeys(validate['pattern'], ['validate', 'pattern'], add);
    asArray(validate['anyPattern']).forEach((p, i) => checkPatternKeys(p, ['validate', 'anyPattern', i], add));
    checkConditions(asObject(validate['deny'])?.['conditions'], ['validate', 'deny', 'conditions'], add);
    checkForeach(validate['foreach'], ['validate', 'foreach'], add);
    checkPodSecurity(validate['podSecurity'], ['validate', 'podSecurity'], add);
  }
  checkTargets(asObject(rule['mutate'])?.['targets'], ['mutate', 'targets'], add);
  checkCel(rule, add);
  checkVariables(rule, [], add);
  return problems;
}

const VALIDATE_ACTIONS = ['pattern', 'anyPattern', 'deny', 'foreach', 'podSecurity', 'cel', 'manifests', 'assert'];
const VALIDATE_FIELDS = new Set([...VALIDATE_ACTIONS, 'message', 'failureAction', 'failureActionOverrides', 'allowExistingViolations']);

export type Add = (path: PathSegment[], reason: string) => void;

export function checkConditions(block: unknown, path: PathSegment[], add: Add): void {
  if (block === undefined || block === null) return;
  const lists: Array<[unknown[], PathSegment[]]> = Array.isArray(block)
    ? [[block, path]]
    : [
        [asArray(asObject(block)?.['any']), [...path, 'any']],
        [asArray(asObject(block)?.['all']), [...path, 'all']],
      ];
  if (isObject(block)) {
    const extra = Object.keys(block).filter((k) => k !== 'any' && k !== 'all');
    if (extra.length > 0) add([...path, extra[0] ?? ''], `conditions accept only "any" and "all", not "${extra.join('", "')}"`);
  }
  for (const [list, base] of lists) {
    list.forEach((c, i) => {
      const op = asObject(c)?.['operator'];
      if (normaliseOperator(op) === undefined) add([...base, i, 'operator'], `unknown operator ${JSON.stringify(op ?? null)}`);
    });
  }
}

function checkContext(entries: unknown, path: PathSegment[], add: Add): void {
  asArray(entries).forEach((raw, i) => {
    const entry = asObject(raw);
    if (entry === undefined || typeof entry['name'] !== 'string') add([...path, i, 'name'], 'context entry has no name');
    const jp = asString(asObject(entry?.['variable'])?.['jmesPath']);
    if (jp !== undefined && !jp.includes('{{')) checkExpression(jp, [...path, i, 'variable', 'jmesPath'], add);
  });
}

/** `mutate.targets`: each entry names the apiVersion and kind it selects. */
function checkTargets(list: unknown, path: PathSegment[], add: Add): void {
  if (list === undefined) return;
  if (!Array.isArray(list) || list.length === 0) return add(path, 'mutate.targets must list at least one target');
  list.forEach((raw, i) => {
    const entry = asObject(raw);
    if (entry === undefined) return add([...path, i], 'a target must be a mapping');
    for (const field of ['apiVersion', 'kind']) {
      if (typeof entry[field] !== 'string' || entry[field] === '') add([...path, i, field], `target ${field} is required`);
    }
    checkConditions(entry['preconditions'], [...path, i, 'preconditions'], add);
    checkContext(entry['context'], [...path, i, 'context'], add);
  });
}

function checkForeach(list: unknown, path: PathSegment[], add: Add): void {
  asArray(list).forEach((raw, i) => {
    const entry = asObject(raw);
    if (entry === undefined) return;
    const p = [...path, i];
    const expr = asString(entry['list']);
    if (expr === undefined) add([...p, 'list'], 'foreach entry has no list');
    else if (!expr.includes('{{')) checkExpression(expr, [...p, 'list'], add);
    checkConditions(entry['preconditions'], [...p, 'preconditions'], add);
    checkConditions(asObject(entry['deny'])?.['conditions'], [...p, 'deny', 'conditions'], add);
    checkContext(entry['context'], [...p, 'context'], add);
    checkPatternKeys(entry['pattern'], [...p, 'pattern'], add);
    asArray(entry['anyPattern']).forEach((x, j) => checkPatternKeys(x, [...p, 'anyPattern', j], add));
    checkForeach(entry['foreach'], [...p, 'foreach'], add);
  });
}

function checkPatternKeys(pattern: unknown, path: PathSegment[], add: Add): void {
  if (Array.isArray(pattern)) pattern.forEach((p, i) => checkPatternKeys(p, [...path, i], add));
  else if (isObject(pattern)) {
    for (const [key, value] of Object.entries(pattern)) {
      const problem = anchorProblem(key);
      if (problem !== undefined) add([...path, key], problem);
      checkPatternKeys(value, [...path, key], add);
    }
  }
}

const VARIABLE = /(?<!\\)\{\{((?:\{[^{}]*\}|[^{}])*)\}\}/g;

/** Every `{{ expr }}` must be valid JMESPath. */
function checkVariables(value: unknown, path: PathSegment[], add: Add): void {
  if (typeof value === 'string') {
    for (const m of value.matchAll(VARIABLE)) {
      const expr = (m[1] ?? '').trim();
      if (expr === '@' || expr === '') continue;
      checkExpression(expr, path, add);
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => checkVariables(v, [...path, i], add));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) checkVariables(v, [...path, k], add);
}

function checkExpression(expr: string, path: PathSegment[], add: Add): void {
  try {
    compileExpression(expr);
  } catch (cause) {
    add(path, `invalid JMESPath "${expr}": ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** CEL expressions must parse; type errors are left to evaluation, where data types are known. */
function checkCel(rule: JsonObject, add: Add): void {
  const cel = asObject(asObject(rule['validate'])?.['cel']);
  const lists: Array<[unknown, PathSegment[]]> = [
    [rule['celPreconditions'], ['celPreconditions']],
    [cel?.['variables'], ['validate', 'cel', 'variables']],
    [cel?.['expressions'], ['validate', 'cel', 'expressions']],
  ];
  for (const [list, path] of lists) {
    asArray(list).forEach((raw, i) => {
      const entry = asObject(raw);
      for (const field of ['expression', 'messageExpression']) {
        const expression = asString(entry?.[field]);
        if (expression === undefined) continue;
        try {
          compileCel(expression);
        } catch (cause) {
          add([...path, i, field], `invalid CEL expression: ${(cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? ''}`);
        }
      }
    });
  }
}
