import { asArray, asObject, asString, stringMap } from './object.js';

/**
 * Does a label selector (matchLabels + matchExpressions) select these labels?
 * ref. k8s.io/apimachinery LabelSelector semantics; an empty selector selects everything.
 */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  const sel = asObject(selector);
  if (sel === undefined) return false;
  for (const [key, value] of Object.entries(stringMap(sel['matchLabels']))) {
    if (labels[key] !== value) return false;
  }
  for (const raw of asArray(sel['matchExpressions'])) {
    const expr = asObject(raw);
    const key = asString(expr?.['key']);
    if (expr === undefined || key === undefined) return false;
    const values = asArray(expr['values']).map(String);
    const has = Object.hasOwn(labels, key);
    switch (expr['operator']) {
      case 'In':
        if (!has || !values.includes(labels[key] ?? '')) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key] ?? '')) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
