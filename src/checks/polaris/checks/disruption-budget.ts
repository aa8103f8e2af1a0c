import type { Resource } from '../../../k8s/index.js';
import { asObject, getPath, stringMap } from '../../../k8s/index.js';
import { POLARIS_ONLY_CHECKS } from '../info.js';
import type { PolarisCheck, Subject } from '../types.js';
import { failed, passed } from '../verdict.js';
import { selectsByLabels } from './selection.js';

/** Labels of the Deployment's pods; budgets select pods, not the Deployment. */
function podLabels(subject: Subject): Record<string, string> {
  return stringMap(getPath(subject.resource.object, ['spec', 'template', 'metadata', 'labels']));
}

/** Budgets in the Deployment's namespace whose selector takes in its pods (see selection.ts). */
function budgetsFor(subject: Subject, labels: Record<string, string>): Resource[] {
  return subject.index
    .inNamespace('PodDisruptionBudget', subject.resource.namespace)
    .filter((pdb) => selectsByLabels(getPath(pdb.object, ['spec', 'selector']), labels));
}

export const missingPodDisruptionBudget: PolarisCheck = {
  id: 'missingPodDisruptionBudget',
  info: POLARIS_ONLY_CHECKS.missingPodDisruptionBudget,
  target: { level: 'controller' },
  controllers: { include: ['Deployment'] },
  messages: { pass: 'A PodDisruptionBudget covers the pods', fail: 'No PodDisruptionBudget covers the pods' },
  evaluate(subject) {
    const labels = podLabels(subject);
    // Without pod labels no budget can select the pods.
    if (Object.keys(labels).length === 0) return failed(['spec', 'template', 'metadata'], 'the pod template has no labels');
    return budgetsFor(subject, labels).length > 0 ? passed() : failed(['spec', 'template', 'metadata', 'labels']);
  },
};

/**
 * A budget demanding more available pods than the autoscaler's floor blocks every drain once the
 * Deployment is scaled down. As in Polaris, a percentage is scaled on the Deployment's
 * `spec.replicas` (rounding up, like the disruption controller) and not judged when that is unset;
 * an HPA without minReplicas is not judged either.
 * ref. FairwindsOps/polaris pkg/validator (pdbMinAvailableGreaterThanHPAMinReplicas)
 */
export const pdbMinAvailableGreaterThanHPAMinReplicas: PolarisCheck = {
  id: 'pdbMinAvailableGreaterThanHPAMinReplicas',
  info: POLARIS_ONLY_CHECKS.pdbMinAvailableGreaterThanHPAMinReplicas,
  target: { level: 'controller' },
  controllers: { include: ['Deployment'] },
  messages: {
    pass: 'Budget and autoscaler minimums are compatible',
    fail: 'PodDisruptionBudget minAvailable is above the HPA minReplicas',
  },
  evaluate(subject) {
    const budget = budgetsFor(subject, podLabels(subject))[0];
    if (budget === undefined) return passed();
    const hpa = subject.index.inNamespace('HorizontalPodAutoscaler', subject.resource.namespace).find((h) => {
      const ref = asObject(getPath(h.object, ['spec', 'scaleTargetRef']));
      return ref?.['kind'] === 'Deployment' && ref['name'] === subject.resource.name;
    });
    const minReplicas = hpa === undefined ? undefined : getPath(hpa.object, ['spec', 'minReplicas']);
    if (typeof minReplicas !== 'number') return passed();
    const minAvailable = scaled(getPath(budget.object, ['spec', 'minAvailable']), getPath(subject.resource.object, ['spec', 'replicas']));
    if (minAvailable === undefined || minAvailable <= minReplicas) return passed();
    return failed(['metadata', 'name'], `PodDisruptionBudget ${budget.name} needs ${minAvailable} pods, HPA ${hpa?.name ?? ''} keeps ${minReplicas}`);
  },
};

/** An int-or-percent value as a pod count out of `total`; undefined when it cannot be known. */
function scaled(value: unknown, total: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const percent = /^(\d+)%$/.exec(value);
  if (percent !== null) return typeof total === 'number' ? Math.ceil((Number(percent[1]) * total) / 100) : undefined;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

export const DISRUPTION_BUDGET = [missingPodDisruptionBudget, pdbMinAvailableGreaterThanHPAMinReplicas];
