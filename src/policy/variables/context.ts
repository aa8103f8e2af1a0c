import type { JsonObject, Resource } from '../../k8s/index.js';
import { asArray, asObject, asString, isObject } from '../../k8s/index.js';
import type { AdmissionInfo } from '../api.js';
import { searchExpression } from '../jmespath/index.js';
import { imagesOf } from './images.js';
import { MissingMode, substitute, VariableError } from './substitute.js';

/** The JSON document `{{ }}` expressions are evaluated against, as Kyverno builds it per request. */
export type ContextData = JsonObject;

export function buildContext(resource: Resource, admission: AdmissionInfo): ContextData {
  const username = asString(admission.userInfo.username) ?? '';
  // ref. kyverno.io/docs variables: serviceAccountName is the user name without system:serviceaccount:<ns>:
  const sa = /^system:serviceaccount:([^:]+):(.+)$/.exec(username);
  const request: JsonObject = {
    operation: admission.operation,
    object: admission.operation === 'DELETE' ? null : resource.object,
    oldObject: admission.operation === 'CREATE' ? null : resource.object,
    userInfo: admission.userInfo,
    roles: admission.roles,
    clusterRoles: admission.clusterRoles,
    kind: { group: groupOf(resource.apiVersion), version: versionOf(resource.apiVersion), kind: resource.kind },
    name: resource.name,
  };
  if (resource.namespace !== undefined) request['namespace'] = resource.namespace;
  return {
    request,
    serviceAccountName: sa?.[2] ?? '',
    serviceAccountNamespace: sa?.[1] ?? '',
    images: imagesOf(resource),
  };
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

function versionOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? apiVersion : apiVersion.slice(i + 1);
}

/** Sets dotted values (`request.object.metadata.name: x`) into the context, merging objects. */
export function setDotted(data: ContextData, values: JsonObject): void {
  for (const [key, value] of Object.entries(values)) {
    const parts = key.split('.');
    let cursor: JsonObject = data;
    parts.slice(0, -1).forEach((part) => {
      const next = cursor[part];
      if (isObject(next)) {
        // copy-on-write so the loaded resource object itself is never modified
        const copy = { ...next };
        cursor[part] = copy;
        cursor = copy;
      } else {
        const created: JsonObject = {};
        cursor[part] = created;
        cursor = created;
      }
    });
    cursor[parts[parts.length - 1] ?? key] = value;
  }
}

/**
 * Loads a rule's `context` entries in order. `variable` entries are computed; cluster lookups
 * (configMap, apiCall, imageRegistry, globalReference) cannot run offline, so they only count
 * when a Values file already supplied the name — otherwise references to them fail later.
 */
export function loadContextEntries(entries: unknown, data: ContextData): void {
  for (const raw of asArray(entries)) {
    const entry = asObject(raw);
    const name = asString(entry?.['name']);
    if (entry === undefined || name === undefined) continue;
    const variable = asObject(entry['variable']);
    if (variable === undefined) continue;
    if (data[name] !== undefined && !Object.hasOwn(variable, 'value') && !Object.hasOwn(variable, 'jmesPath')) continue;
    data[name] = evaluateVariable(name, variable, data);
  }
}

function evaluateVariable(name: string, variable: JsonObject, data: ContextData): unknown {
  const hasDefault = Object.hasOwn(variable, 'default');
  const fallback = (cause: string): unknown => {
    if (hasDefault) return substitute(variable['default'], data);
    throw new VariableError(`context variable "${name}": ${cause}`);
  };
  let value: unknown;
  try {
    value = Object.hasOwn(variable, 'value') ? substitute(variable['value'], data) : undefined;
    const path = asString(variable['jmesPath']);
    if (path !== undefined) {
      const expr = String(substitute(path, data));
      value = searchExpression(value === undefined ? data : value, expr);
    }
  } catch (cause) {
    return fallback(cause instanceof Error ? cause.message : String(cause));
  }
  if (value === null || value === undefined) return fallback('no value');
  return value;
}

export type { MissingMode };
