import { BosunError, parseYamlStream } from '../../kernel/index.js';
import { asArray, asObject, asString, isObject, stringMap } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import type { PolicyValues } from '../api.js';
import { emptyValues } from '../api.js';

/**
 * Reads a Kyverno CLI Values document (`cli.kyverno.io/v1alpha1`, kind Values) — the offline
 * stand-in for cluster lookups: global, per-resource and per-rule values plus namespace labels.
 * Throws a located BosunError when the document is not a Values object.
 */
export function parseValuesText(file: string, text: string): PolicyValues {
  const stream = parseYamlStream(text, { file, json: file.toLowerCase().endsWith('.json') });
  const first = stream.errors[0];
  if (first !== undefined) throw first;
  const doc = stream.documents[0];
  if (doc === undefined) throw new BosunError('input.empty', 'values file is empty', { file, line: 1 });
  if (!isObject(doc.value)) throw new BosunError('config.invalid', 'values file must hold an object', { file, line: doc.position.line });
  return valuesFromObject(doc.value);
}

/** The same content given inline (a Test's `values:` field). */
export function valuesFromObject(raw: JsonObject): PolicyValues {
  const values = emptyValues();
  values.global = asObject(raw['globalValues']) ?? {};
  for (const p of asArray(raw['policies'])) {
    const policy = asObject(p);
    const name = asString(policy?.['name']);
    if (policy === undefined || name === undefined) continue;
    const byResource = new Map<string, JsonObject>();
    for (const r of asArray(policy['resources'])) {
      const res = asObject(r);
      const resName = asString(res?.['name']);
      if (resName !== undefined) byResource.set(resName, asObject(res?.['values']) ?? {});
    }
    const byRule = new Map<string, { values: JsonObject; foreachValues: JsonObject }>();
    for (const r of asArray(policy['rules'])) {
      const rule = asObject(r);
      const ruleName = asString(rule?.['name']);
      if (ruleName !== undefined) byRule.set(ruleName, { values: asObject(rule?.['values']) ?? {}, foreachValues: asObject(rule?.['foreachValues']) ?? {} });
    }
    values.resources.set(name, byResource);
    values.rules.set(name, byRule);
  }
  for (const n of asArray(raw['namespaceSelector'])) {
    const entry = asObject(n);
    const name = asString(entry?.['name']);
    if (name !== undefined) values.namespaceLabels.set(name, stringMap(entry?.['labels']));
  }
  // Full Namespace objects take precedence over namespaceSelector entries.
  for (const n of asArray(raw['namespaces'])) {
    const metadata = asObject(asObject(n)?.['metadata']);
    const name = asString(metadata?.['name']);
    if (name === undefined) continue;
    values.namespaceLabels.set(name, stringMap(metadata?.['labels']));
    const namespace = asObject(n);
    if (namespace !== undefined) values.namespaces.set(name, namespace);
  }
  return values;
}
