import type { Resource } from '../../../k8s/index.js';
import { asArray, asObject, asString, containersOf, podTemplateOf } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { AuditContext, CheckResult } from '../../types.js';
import type { CheckGroup } from '../group.js';
import type { LocatedEntry } from './result.js';
import { credentialResult } from './result.js';

const SECRET_IN_ENV = sharedCheck('secret-in-env');

/**
 * One result per container, as the other families report this shared fact (no discriminator, or the
 * findings would not merge): several variables go into one message. Only literal `value`s are read;
 * `valueFrom` (secretKeyRef, configMapKeyRef, fieldRef) is the fix, not a finding.
 */
function auditWorkload(resource: Resource): CheckResult[] {
  const template = podTemplateOf(resource);
  if (template === undefined) return [];
  return containersOf(template.spec, template.specPath).map((ref) => {
    const entries: LocatedEntry[] = asArray(ref.container['env']).flatMap((raw, i) => {
      const env = asObject(raw);
      const name = asString(env?.['name']);
      const value = env?.['value'];
      // Numbers and booleans are invalid here but show what the author wrote; read them as text.
      const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
      if (name === undefined || text === undefined) return [];
      return [{ name, value: text, path: [...ref.path, 'env', i, 'value'], label: `env ${name}` }];
    });
    return credentialResult(SECRET_IN_ENV, resource, entries, {
      pass: `Container ${ref.name} has no credential in plain env values`,
      container: ref.name,
    });
  });
}

export const envChecks: CheckGroup = {
  checks: [SECRET_IN_ENV],
  run(context: AuditContext): CheckResult[] {
    return context.resources.flatMap(auditWorkload);
  },
};
