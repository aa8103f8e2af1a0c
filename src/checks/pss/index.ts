import type { CheckFamily } from '../types.js';

export const pssFamily: CheckFamily = {
  id: 'pss',
  title: 'Pod Security Standards (baseline and restricted, versioned)',
  checks: [],
  run: () => [],
};
