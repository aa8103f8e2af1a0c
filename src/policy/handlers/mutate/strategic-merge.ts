/**
 * Kubernetes strategic merge patch, ref. kubernetes.io "Update API Objects in Place Using kubectl
 * patch" and the `patchMergeKey`/`patchStrategy` tags of the core API types. Without an OpenAPI
 * schema the merge keys come from the field name; lists with no known key are replaced whole, as a
 * JSON merge patch would do. `null` deletes a field; `$patch: delete|replace` directives are honoured.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  resourceClaims: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  ownerReferences: 'uid',
  conditions: 'type',
};

/**
 * Without a schema (custom resources, unknown fields), a list of maps that all carry one of these
 * keys is merged by it, as kustomize's kyaml (which Kyverno patches with) treats associative lists.
 */
const ASSOCIATIVE_KEYS = ['mountPath', 'devicePath', 'ip', 'type', 'topologyKey', 'name', 'containerPort'];

/** Lists of scalars that merge (union) instead of being replaced. */
const MERGED_SCALAR_LISTS = new Set(['finalizers']);

/** The merge key Kubernetes uses for a list field, or undefined for lists that are replaced. */
export function mergeKeyOf(field: string): string | undefined {
  return MERGE_KEYS[field];
}

export function strategicMerge(original: unknown, patch: unknown): unknown {
  return mergeValue(original, patch, '');
}

function mergeValue(original: unknown, patch: unknown, field: string): unknown {
  if (isRecord(patch)) {
    if (patch['$patch'] === 'replace') return withoutDirectives(patch);
    if (patch['$patch'] === 'delete') return undefined;
    const base = isRecord(original) ? { ...original } : {};
    for (const [key, value] of Object.entries(patch)) {
      if (key.startsWith('$')) continue;
      if (value === null) {
        delete base[key];
        continue;
      }
      const merged = mergeValue(base[key], value, key);
      if (merged === undefined) delete base[key];
      else base[key] = merged;
    }
    return base;
  }
  if (Array.isArray(patch)) return mergeList(Array.isArray(original) ? original : undefined, patch, field);
  return patch;
}

function mergeList(original: unknown[] | undefined, patch: unknown[], field: string): unknown[] {
  const key = MERGE_KEYS[field] ?? ASSOCIATIVE_KEYS.find((k) => patch.length > 0 && patch.every((p) => isRecord(p) && p[k] !== undefined));
  if (original === undefined) return patch.filter((p) => !(isRecord(p) && p['$patch'] === 'delete')).map((p) => (isRecord(p) ? withoutDirectives(p) : p));
  if (MERGED_SCALAR_LISTS.has(field)) return [...original, ...patch.filter((p) => !original.some((o) => o === p))];
  if (key === undefined || !patch.every((p) => isRecord(p) && p[key] !== undefined)) {
    if (patch.some((p) => isRecord(p) && p['$patch'] === 'replace')) return patch.filter((p) => !(isRecord(p) && p['$patch'] === 'replace'));
    return patch;
  }
  const out = [...original];
  for (const item of patch) {
    if (!isRecord(item)) continue;
    const at = out.findIndex((o) => isRecord(o) && o[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at >= 0) out[at] = mergeValue(out[at], item, field);
    else out.push(withoutDirectives(item));
  }
  return out;
}

function withoutDirectives(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) out[k] = v;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
