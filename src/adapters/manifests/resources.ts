import type { Diagnostic, YamlDocument } from '../../kernel/index.js';
import { BosunError, diagnosticFrom } from '../../kernel/index.js';
import type { Resource } from '../../k8s/index.js';
import { asArray, asString, classifyKind, isObject, servingGroups, toResource } from '../../k8s/index.js';

/**
 * Turns parsed documents into resources. `kind: List` and every `*List` kind with `items` are
 * expanded (that is what `kubectl get -o yaml` and some generators emit); each item keeps its own
 * position. Documents that cannot be Kubernetes objects are reported, not dropped.
 */
export function documentsToResources(file: string, documents: readonly YamlDocument[]): { resources: Resource[]; diagnostics: Diagnostic[] } {
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const doc of documents) {
    collect(file, doc, doc.value, [], resources, diagnostics);
  }
  return { resources, diagnostics };
}

function collect(
  file: string,
  doc: YamlDocument,
  value: unknown,
  prefix: Array<string | number>,
  resources: Resource[],
  diagnostics: Diagnostic[],
): void {
  const at = prefix.length === 0 ? doc.position : doc.locate(prefix);
  const fail = (message: string, level: Diagnostic['level'] = 'error'): void => {
    diagnostics.push(diagnosticFrom(new BosunError('input.resource', message, { file, line: at.line, column: at.column }), level));
  };
  const where = prefix.length === 0 ? `document ${doc.index + 1}` : `document ${doc.index + 1}, ${prefix.join('.')}`;
  if (!isObject(value)) {
    fail(`${where} is a ${Array.isArray(value) ? 'list' : typeof value}, not a Kubernetes object`);
    return;
  }
  const kind = asString(value['kind']);
  const apiVersion = asString(value['apiVersion']);
  if (kind === undefined || kind === '') {
    fail(`${where} has no \`kind\`, so it is not a Kubernetes object`);
    return;
  }
  if (kind.endsWith('List') && Array.isArray(value['items'])) {
    asArray(value['items']).forEach((item, i) => collect(file, doc, item, [...prefix, 'items', i], resources, diagnostics));
    return;
  }
  if (apiVersion === undefined || apiVersion === '') {
    fail(`${where} (kind ${kind}) has no \`apiVersion\``);
    return;
  }
  const status = classifyKind(apiVersion, kind);
  if (status === 'unknown-built-in') {
    fail(`${where}: unknown kind "${kind}" for apiVersion ${apiVersion} (a typo?)`);
    return;
  }
  if (status === 'misplaced') {
    const groups = servingGroups(kind).map((g) => (g === '' ? 'v1' : `${g}/...`));
    fail(`${where}: apiVersion ${apiVersion} does not serve kind ${kind} (expected ${groups.join(' or ')}); audited anyway`, 'warning');
  }
  resources.push(
    toResource(value, {
      file,
      documentIndex: doc.index,
      position: at,
      locate: (path) => doc.locate([...prefix, ...path]),
    }),
  );
}
