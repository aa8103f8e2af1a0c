import { parse as parseYaml } from 'yaml';
import { BosunError } from '../../../kernel/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import type { CheckInfo } from '../../types.js';
import { parseTarget } from '../targets.js';
import type { PolarisCheck, Subject } from '../types.js';
import { failed, passed } from '../verdict.js';
import type { PolarisCheckDefinition } from './definition.js';
import { compileSchema } from './schema.js';
import type { CompiledTemplate } from './template/index.js';
import { compileTemplate } from './template/index.js';

/** A schema whose text may hold template actions; static ones are parsed and compiled once. */
interface TemplatedSchema {
  template: CompiledTemplate;
  label: string;
  staticValidator: ((data: unknown) => boolean) | undefined;
}

/**
 * Turns a Polaris custom check definition into a check. The schema (templated against the resource)
 * must accept the target; then each additional schema must accept at least one object of its kind in
 * the resource's namespace or cluster-wide. ref. FairwindsOps/polaris pkg/validator/schema.go
 */
export function customCheck(id: string, definition: PolarisCheckDefinition, builtIn?: PolarisCheck): PolarisCheck {
  const label = `polaris custom check ${id}`;
  const main = templatedSchema(definition.schemaString ?? JSON.stringify(definition.schema ?? {}), label);
  const additional = [
    ...Object.entries(definition.additionalSchemas ?? {}).map(([kind, schema]) => [kind, JSON.stringify(schema)] as const),
    ...Object.entries(definition.additionalSchemaStrings ?? {}),
  ].map(([kind, text]) => ({ kind: kind.slice(kind.lastIndexOf('/') + 1), shown: kind, schema: templatedSchema(text, `${label} (${kind})`) }));
  const podSpecView = definition.schemaTarget === 'PodSpec';
  const check: PolarisCheck = {
    id,
    info: builtIn?.info ?? customInfo(id, definition),
    target: parseTarget(definition.target),
    excludeInitContainers: definition.containers?.exclude?.includes('initContainer') ?? false,
    messages: {
      pass: definition.successMessage ?? `${id} passed`,
      fail: definition.failureMessage ?? definition.FailureMessage ?? `${id} failed`,
    },
    evaluate(subject) {
      const data = templateData(subject);
      const at = subject.container?.path ?? (subject.workload !== undefined && check.target.level === 'pod-spec' ? subject.workload.specPath : undefined);
      if (!validatorFor(main, data)(schemaInput(subject, check, podSpecView))) return failed(at);
      for (const extra of additional) {
        const rendered = extra.schema.template.render(data);
        if (rendered.trim() === '') continue;
        const schema = parseSchemaText(rendered, extra.schema.label);
        if (schema === null || schema === undefined) continue;
        const validate = compileSchema(schema, extra.schema.label);
        const namespace = subject.resource.kind === 'Namespace' ? subject.resource.name : subject.resource.namespace;
        if (!subject.index.inNamespace(extra.kind, namespace).some((r) => validate(r.object))) {
          return failed(at, `no ${extra.shown} satisfies the check`);
        }
      }
      return passed();
    },
  };
  if (definition.controllers !== undefined) {
    check.controllers = { include: definition.controllers.include ?? [], exclude: definition.controllers.exclude ?? [] };
  }
  return check;
}

function templatedSchema(text: string, label: string): TemplatedSchema {
  const template = compileTemplate(text);
  const staticValidator = template.isStatic ? compileSchema(parseSchemaText(template.render(undefined), label), label) : undefined;
  return { template, label, staticValidator };
}

function validatorFor(schema: TemplatedSchema, data: unknown): (value: unknown) => boolean {
  if (schema.staticValidator !== undefined) return schema.staticValidator;
  return compileSchema(parseSchemaText(schema.template.render(data), schema.label), schema.label);
}

function parseSchemaText(text: string, label: string): unknown {
  try {
    // YAML 1.1 like Polaris's decoder; JSON (from `schema` objects) parses the same.
    return parseYaml(text, { version: '1.1', uniqueKeys: false });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new BosunError('config.invalid', `${label}: rendered schema is not valid YAML: ${reason}`, { cause });
  }
}

/** What `{{ ... }}` sees: the resource, plus `.Polaris.PodSpec`, `.Polaris.PodTemplate`, `.Polaris.Container`. */
function templateData(subject: Subject): JsonObject {
  const polaris: JsonObject = {};
  if (subject.workload !== undefined) {
    polaris['PodSpec'] = subject.workload.spec;
    polaris['PodTemplate'] = subject.workload.template;
  }
  if (subject.container !== undefined) polaris['Container'] = subject.container.value;
  return { ...subject.resource.object, Polaris: polaris };
}

/** The value the schema validates for each target. */
function schemaInput(subject: Subject, check: PolarisCheck, podSpecView: boolean): unknown {
  const { workload, container } = subject;
  switch (check.target.level) {
    case 'container': {
      if (container === undefined) return undefined;
      if (!podSpecView || workload === undefined) return container.value;
      // The pod spec narrowed to this container, so pod-level settings count for it.
      const { initContainers: _init, ...spec } = workload.spec;
      return { ...spec, containers: [container.value] };
    }
    case 'pod-spec':
      return workload?.spec;
    case 'pod-template':
      return workload?.template;
    case 'controller':
    case 'kind':
      return subject.resource.object;
  }
}

function customInfo(id: string, definition: PolarisCheckDefinition): CheckInfo {
  return {
    id: customCheckId(id),
    title: `Custom Polaris check ${id}`,
    severity: 'medium',
    category: definition.category ?? 'Custom',
    description: definition.failureMessage ?? definition.FailureMessage ?? `Custom check ${id} from the Polaris configuration.`,
    remediation: definition.successMessage ?? '',
    compatibleIds: [`polaris:${id}`],
  };
}

/** `nakedPod` → `polaris-custom-naked-pod`. */
export function customCheckId(id: string): string {
  const kebab = id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `polaris-custom-${kebab === '' ? 'check' : kebab}`;
}
