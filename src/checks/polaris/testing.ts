import { parseAllDocuments } from 'yaml';
import type { JsonObject, Resource } from '../../k8s/index.js';
import { inMemoryResource, isObject } from '../../k8s/index.js';
import { createResourceIndex } from '../resource-index.js';
import type { AuditContext, CheckResult } from '../types.js';
import { polarisFamily } from './index.js';
import { DEFAULT_SEVERITIES } from './severity.js';

/** Test support: resources from a multi-document YAML text. */
export function resourcesFrom(text: string): Resource[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS({ maxAliasCount: 100 }) as unknown)
    .filter((value): value is JsonObject => isObject(value))
    .map((object) => inMemoryResource(object));
}

/** Test support: runs the family on a YAML text with a family config. */
export function auditYaml(text: string, config?: unknown): CheckResult[] {
  const resources = resourcesFrom(text);
  return polarisFamily.run(contextFor(resources, config));
}

export function contextFor(resources: readonly Resource[], config?: unknown): AuditContext {
  return {
    resources,
    index: createResourceIndex(resources),
    options: { pssLevel: 'restricted', pssVersion: 'latest', families: config === undefined ? {} : { polaris: config } },
  };
}

/** Test support: a config running only the given checks at danger. */
export function only(...ids: string[]): { checks: Record<string, 'danger' | 'ignore'>; exemptions: [] } {
  const checks: Record<string, 'danger' | 'ignore'> = {};
  for (const id of Object.keys(DEFAULT_SEVERITIES)) checks[id] = 'ignore';
  for (const id of ids) checks[id] = 'danger';
  return { checks, exemptions: [] };
}

/** Status of one Polaris check's results, in order: `pass`, `fail:nginx`, ... */
export function statuses(results: readonly CheckResult[], polarisId: string): string[] {
  return results
    .filter((r) => r.compatibleId === `polaris:${polarisId}`)
    .map((r) => (r.container === undefined ? r.status : `${r.status}:${r.container}`));
}
