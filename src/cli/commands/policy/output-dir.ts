import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { BosunError } from '../../../kernel/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import type { RuleResult } from '../../../policy/index.js';

/**
 * Writes every resource that a mutate rule changed, as it stands after all mutate rules, and every
 * resource a generate rule created, to `<dir>/<kind>-<namespace>-<name>.yaml` (cluster-scoped
 * resources have no namespace part).
 * Returns the files written.
 */
export async function writeMutated(dir: string, results: readonly RuleResult[]): Promise<string[]> {
  const latest = new Map<string, { resource: RuleResult['resource']; object: JsonObject }>();
  for (const r of results) {
    if (r.patched === undefined || r.status !== 'pass') continue;
    const key = [r.resource.apiVersion, r.resource.kind, r.resource.namespace ?? '', r.resource.name].join('/');
    latest.set(key, { resource: r.resource, object: r.patched });
  }
  // generate rules: each generated object is written under its own kind, namespace and name.
  for (const r of results) {
    if (r.status !== 'pass') continue;
    for (const object of r.generated ?? []) {
      const meta = (typeof object['metadata'] === 'object' && object['metadata'] !== null ? object['metadata'] : {}) as JsonObject;
      const resource = { apiVersion: String(object['apiVersion'] ?? ''), kind: String(object['kind'] ?? ''), namespace: typeof meta['namespace'] === 'string' ? meta['namespace'] : undefined, name: String(meta['name'] ?? '') };
      latest.set(['generated', resource.apiVersion, resource.kind, resource.namespace ?? '', resource.name].join('/'), { resource, object });
    }
  }
  if (latest.size === 0) return [];
  try {
    await mkdir(dir, { recursive: true });
    const files: string[] = [];
    for (const { resource, object } of latest.values()) {
      const base = [resource.kind, resource.namespace, resource.name].filter((p): p is string => p !== undefined && p !== '').join('-');
      const file = join(dir, `${base.toLowerCase().replace(/[^a-z0-9.-]/g, '_')}.yaml`);
      await writeFile(file, stringify(object));
      files.push(file);
    }
    return files;
  } catch (cause) {
    throw new BosunError('output.write', `cannot write mutated resources to ${dir}: ${cause instanceof Error ? cause.message : String(cause)}`, { file: dir, cause });
  }
}
