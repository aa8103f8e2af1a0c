import { parseYamlStream } from '../../../kernel/index.js';
import { isObject } from '../../../k8s/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import { readText } from './inputs.js';
import { tidy } from './patched.js';

/**
 * Kyverno's labels on generated objects are normalised before comparing: every
 * `generate.kyverno.io/*` label is dropped and `app.kubernetes.io/managed-by: kyverno` is added.
 */
export function normaliseGenerated(object: JsonObject): unknown {
  const copy = structuredClone(object);
  const meta = (typeof copy['metadata'] === 'object' && copy['metadata'] !== null && !Array.isArray(copy['metadata']) ? copy['metadata'] : (copy['metadata'] = {})) as JsonObject;
  const labels: JsonObject = {};
  const raw = meta['labels'];
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [k, v] of Object.entries(raw)) if (!k.startsWith('generate.kyverno.io/')) labels[k] = v;
  }
  labels['app.kubernetes.io/managed-by'] = 'kyverno';
  meta['labels'] = labels;
  return tidy(copy);
}

/**
 * `generatedResource(s)` as `kyverno test` checks it: every resource the rule generated must equal
 * (after normalising and tidying; lists compare whole) one document of the expected files.
 * Returns a description of the first mismatch, or undefined when all match.
 */
export async function generatedDiffers(files: readonly string[], generated: readonly JsonObject[], cache: Map<string, JsonObject[]>): Promise<string | undefined> {
  const expected: unknown[] = [];
  for (const file of files) {
    let docs = cache.get(file);
    if (docs === undefined) {
      const stream = parseYamlStream(await readText(file, 'generated resource'), { file });
      const first = stream.errors[0];
      if (first !== undefined) throw first;
      docs = stream.documents.map((d) => d.value).filter(isObject);
      cache.set(file, docs);
    }
    expected.push(...docs.map((d) => normaliseGenerated(d)));
  }
  if (generated.length === 0) return 'the rule generated no resource';
  for (const g of generated) {
    const actual = normaliseGenerated(g);
    if (!expected.some((e) => deepEqual(e, actual))) {
      const meta = (g['metadata'] ?? {}) as JsonObject;
      return `generated ${String(g['kind'] ?? '')} ${String(meta['namespace'] ?? '') === '' ? '' : `${String(meta['namespace'])}/`}${String(meta['name'] ?? '')} matches no expected resource`;
    }
  }
  return undefined;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const ka = Object.keys(ra);
    return ka.length === Object.keys(rb).length && ka.every((k) => Object.hasOwn(rb, k) && deepEqual(ra[k], rb[k]));
  }
  return false;
}
