import type { CheckFamily } from '../types.js';

export const kubeauditFamily: CheckFamily = {
  id: 'kubeaudit',
  title: 'kubeaudit-compatible auditors, with override labels',
  checks: [],
  run: () => [],
};
