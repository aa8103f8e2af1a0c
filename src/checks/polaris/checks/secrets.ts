import { asArray, asObject, isObject } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { PolarisCheck } from '../types.js';
import { requireContainer, failed, passed } from '../verdict.js';

/** Names that announce a credential: cloud keys by their well-known variable names, then generic words. */
const SENSITIVE_NAMES = [
  /^AWS_SECRET_ACCESS_KEY$/i,
  /^GOOGLE_APPLICATION_CREDENTIALS$/i,
  /^AZURE_.+KEY$/i,
  /^OCI_CLI_KEY_CONTENT$/i,
  /password/i,
  /token/i,
  /bearer/i,
  /secret/i,
];

/** PEM private keys of any algorithm (`BEGIN PRIVATE KEY`, `BEGIN RSA PRIVATE KEY`, ...). */
const PRIVATE_KEY = /-BEGIN\s+.*PRIVATE KEY-/i;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAMES.some((pattern) => pattern.test(name));
}

export function holdsPrivateKey(value: unknown): boolean {
  return typeof value === 'string' && PRIVATE_KEY.test(value);
}

/** A literal `value` is what leaks; `valueFrom` references are fine whatever the name. */
function envVarLeaks(item: unknown): boolean {
  const env = asObject(item);
  if (env === undefined) return true;
  const value = env['value'];
  if (value === undefined || value === '') return false;
  if (isObject(env['valueFrom']) && typeof env['name'] === 'string') return false;
  if (typeof env['name'] !== 'string') return true;
  return isSensitiveName(env['name']) || holdsPrivateKey(String(value));
}

export const sensitiveContainerEnvVar: PolarisCheck = {
  id: 'sensitiveContainerEnvVar',
  info: sharedCheck('secret-in-env'),
  target: { level: 'container' },
  messages: { pass: 'No credential in plain environment variables', fail: 'A plain environment variable looks like a credential' },
  evaluate(subject) {
    const c = requireContainer(subject);
    const env = asArray(c.value['env']);
    const index = env.findIndex(envVarLeaks);
    if (index < 0) return passed();
    const name = asObject(env[index])?.['name'];
    return failed([...c.path, 'env', index], typeof name === 'string' ? name : undefined);
  },
};

export const sensitiveConfigmapContent: PolarisCheck = {
  id: 'sensitiveConfigmapContent',
  info: sharedCheck('secret-in-configmap'),
  target: { level: 'kind', kind: 'ConfigMap' },
  messages: { pass: 'ConfigMap holds no apparent credential', fail: 'ConfigMap holds an apparent credential' },
  evaluate(subject) {
    const data = asObject(subject.resource.object['data']);
    for (const [key, value] of Object.entries(data ?? {})) {
      if (isSensitiveName(key)) return failed(['data', key], `key ${key}`);
      if (holdsPrivateKey(value)) return failed(['data', key], `private key in ${key}`);
    }
    return passed();
  },
};

export const SECRETS = [sensitiveContainerEnvVar, sensitiveConfigmapContent];
