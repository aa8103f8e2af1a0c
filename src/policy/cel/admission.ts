import { asArray, asObject, asString, isClusterScoped, selectorMatches, stringMap } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import { pluralOf } from '../match/index.js';
import type { PolicyLookups } from '../ports.js';
import type { CelInput, CelOutcome } from './validate.js';
import { runCelValidate } from './validate.js';

/**
 * A `validate.cel` block with admission-policy extras (ValidatingAdmissionPolicy, or a ClusterPolicy
 * with paramKind): resolves `params` from the binding's `paramRef`, runs the validations once per
 * parameter object, then maps the binding's `validationActions` onto the result.
 * ref. kubernetes.io/docs "Validating Admission Policy" (parameter resources, validation actions).
 */
export function runCelValidation(ruleName: string, cel: JsonObject, input: CelInput, lookups: PolicyLookups): CelOutcome {
  const paramKind = asObject(cel['paramKind']);
  if (paramKind === undefined) return withActions(runCelValidate(ruleName, cel, input), cel);
  const params = resolveParams(paramKind, asObject(cel['paramRef']), input);
  if (!Array.isArray(params)) return withActions(params, cel);
  for (const p of params) {
    const outcome = runCelValidate(ruleName, cel, { ...input, params: p });
    if (outcome.status !== 'pass') return withActions(outcome, cel);
  }
  return { status: 'pass', message: `validation rule '${ruleName}' passed.` };

  function resolveParams(kind: JsonObject, ref: JsonObject | undefined, subject: CelInput): JsonObject[] | CelOutcome {
    const apiVersion = asString(kind['apiVersion']) ?? '';
    const kindName = asString(kind['kind']) ?? '';
    if (ref === undefined) return { status: 'error', message: `policy needs a ${kindName} parameter, but no binding gives a paramRef` };
    // An unset namespace means the namespace of the object under review for a namespaced kind.
    const objectNamespace = asString(asObject(asObject(subject.object)?.['metadata'])?.['namespace']) ?? '';
    const namespace = asString(ref['namespace']) ?? (isClusterScoped(kindName) ? '' : objectNamespace);
    const resource = pluralOf(kindName);
    const name = asString(ref['name']);
    let found: JsonObject[];
    if (name !== undefined) {
      const one = lookups.getResource(apiVersion, resource, namespace, name);
      found = one === undefined ? [] : [one];
    } else {
      const selector = ref['selector'];
      found = (lookups.listResources(apiVersion, resource, namespace) ?? []).filter((o) => selectorMatches(selector, stringMap(asObject(o['metadata'])?.['labels'])));
    }
    if (found.length > 0) return found;
    const where = `${kindName} ${name ?? '(selector)'}${namespace === '' ? '' : ` in ${namespace}`}`;
    if (ref['parameterNotFoundAction'] === 'Allow') return { status: 'pass', message: `no parameter ${where}; parameterNotFoundAction is Allow` };
    return { status: 'fail', message: `no parameter ${where} found (parameterNotFoundAction Deny)` };
  }
}

/**
 * Binding actions: Deny rejects (`fail`), Warn only warns (`warn`), Audit alone records the
 * violation (`fail`, marked as audit). Without actions (not an admission policy) nothing changes.
 */
function withActions(outcome: CelOutcome, cel: JsonObject): CelOutcome {
  const actions = asArray(cel['validationActions']).map(String);
  if (outcome.status !== 'fail' || actions.length === 0 || actions.includes('Deny')) return outcome;
  if (actions.includes('Warn')) return { status: 'warn', message: outcome.message };
  return { status: 'fail', message: `${outcome.message} (validationActions: Audit)` };
}
