import { asArray, asObject, asString } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import type { RuleStatus } from '../api.js';
import { LookupError } from '../ports.js';
import { evaluateCel } from './environment.js';

export interface CelOutcome {
  status: RuleStatus;
  message: string;
}

/** Admission data a `validate.cel` block sees: `object`, `oldObject`, `request`, `namespaceObject`. */
export interface CelInput {
  object: unknown;
  oldObject: unknown;
  request: JsonObject;
  namespaceObject: unknown;
  /** The parameter object (`params`) of a policy with paramKind. @default null */
  params?: unknown;
  /** Kyverno library receivers (`image`, `resource`, `http`, `time`, ...), see `libraryBindings`. @default none */
  libraries?: Record<string, unknown>;
}

/** The variables an expression sees: libraries first, so admission names always win. */
export function celActivation(input: CelInput, variables: Record<string, unknown>): Record<string, unknown> {
  return { ...(input.libraries ?? {}), object: input.object, oldObject: input.oldObject, request: input.request, namespaceObject: input.namespaceObject, params: input.params ?? null, variables };
}

/**
 * Runs a ClusterPolicy `validate.cel` block, ref. kyverno.io/docs "Validate Rules › CEL": every
 * expression must be true; the first false one fails the rule with its message (or
 * messageExpression). Variables are computed on first use, as in ValidatingAdmissionPolicy.
 */
export function runCelValidate(ruleName: string, cel: JsonObject, input: CelInput): CelOutcome {
  const variables: Record<string, unknown> = {};
  const activation = celActivation(input, variables);
  for (const raw of asArray(cel['variables'])) {
    const v = asObject(raw);
    const name = asString(v?.['name']);
    const expression = asString(v?.['expression']);
    if (name === undefined || expression === undefined) continue;
    let cached: { value: unknown } | undefined;
    Object.defineProperty(variables, name, {
      enumerable: true,
      get: () => (cached ??= { value: evaluateCel(expression, activation) }).value,
    });
  }
  for (const raw of asArray(cel['expressions'])) {
    const e = asObject(raw);
    const expression = asString(e?.['expression']);
    if (e === undefined || expression === undefined) continue;
    let result: unknown;
    try {
      result = evaluateCel(expression, activation);
    } catch (cause) {
      if (cause instanceof LookupError) return { status: 'error', message: cause.message };
      if (cel['failurePolicy'] === 'Ignore') return { status: 'skip', message: `expression error ignored (failurePolicy Ignore): ${firstLine(cause)}` };
      // As in ValidatingAdmissionPolicy with failurePolicy Fail (Kyverno's default), an expression
      // that cannot be evaluated rejects the request.
      return { status: 'fail', message: `${failMessage(e, expression, activation)} (expression error: ${firstLine(cause)})` };
    }
    if (typeof result !== 'boolean') return { status: 'fail', message: `${failMessage(e, expression, activation)} (expression returned ${typeof result}, not a bool)` };
    if (!result) return { status: 'fail', message: failMessage(e, expression, activation) };
  }
  return { status: 'pass', message: `validation rule '${ruleName}' passed.` };
}

function failMessage(e: JsonObject, expression: string, activation: Record<string, unknown>): string {
  const messageExpression = asString(e['messageExpression']);
  if (messageExpression !== undefined) {
    try {
      const out: unknown = evaluateCel(messageExpression, activation);
      if (typeof out === 'string' && out !== '') return out;
    } catch {
      // Kubernetes falls back to the static message when messageExpression fails
    }
  }
  return asString(e['message']) ?? `failed expression: ${expression}`;
}

function firstLine(cause: unknown): string {
  return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
}

/**
 * Rule-level `celPreconditions`: every expression must be true for the rule to apply; otherwise
 * the rule is skipped. An expression that cannot be evaluated also skips, with the reason.
 */
export function celPreconditionsHold(preconditions: unknown, input: CelInput): { holds: boolean; reason: string } {
  const activation = celActivation(input, {});
  for (const raw of asArray(preconditions)) {
    const p = asObject(raw);
    const expression = asString(p?.['expression']);
    if (expression === undefined) continue;
    try {
      if (evaluateCel(expression, activation) !== true) return { holds: false, reason: `cel precondition ${asString(p?.['name']) ?? expression} not met` };
    } catch (cause) {
      if (cause instanceof LookupError) throw cause;
      return { holds: false, reason: `cel precondition ${asString(p?.['name']) ?? expression} could not be evaluated: ${firstLine(cause)}` };
    }
  }
  return { holds: true, reason: '' };
}
