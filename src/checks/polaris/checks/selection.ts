import { asObject, selectorMatches } from '../../../k8s/index.js';

/**
 * Polaris recognises a PodDisruptionBudget or NetworkPolicy for pods only through a non-empty
 * `matchLabels` (its schemas require it). We keep that requirement and then apply real selector
 * semantics, so a selector with terms the pods do not satisfy does not count either.
 */
export function selectsByLabels(selector: unknown, labels: Record<string, string>): boolean {
  const matchLabels = asObject(asObject(selector)?.['matchLabels']);
  if (matchLabels === undefined || Object.keys(matchLabels).length === 0) return false;
  return selectorMatches(selector, labels);
}
