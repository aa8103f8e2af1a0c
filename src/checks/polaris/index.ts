import type { CheckFamily } from '../types.js';

export const polarisFamily: CheckFamily = {
  id: 'polaris',
  title: 'Polaris-compatible best practices, with scores and grades',
  checks: [],
  run: () => [],
};
