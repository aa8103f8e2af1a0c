import type { CheckFamily } from '../types.js';

export const bosunFamily: CheckFamily = {
  id: 'bosun',
  title: 'Bosun checks: RBAC risk, exposed services, credentials, network isolation',
  checks: [],
  run: () => [],
};
