import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { FAKE, fakeChars, run, single } from '../fixture.test-helper.js';
import { secretChecks } from './secret.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const TLS_KEY = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const TLS_CRT = `-----BEGIN CERTIFICATE-----\n${fakeChars(64, 41)}\n${fakeChars(64, 42)}\n-----END CERTIFICATE-----\n`;

function secret(body: string, type = 'Opaque'): string {
  return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\n  namespace: shop\ntype: ${type}\n${body}`;
}

describe('secret-in-manifest', () => {
  it('decodes data and reports a real password', () => {
    const yaml = secret(`data:\n  username: ${b64('orders')}\n  password: ${b64(FAKE.password)}\n`);
    const result = single(run(secretChecks, yaml), 'secret-in-manifest');
    assert.equal(result.status, 'fail');
    assert.equal(result.severity, 'high');
    assert.equal(result.compatibleId, 'bosun:secret-in-manifest');
    assert.deepEqual(result.path, ['data', 'password']);
    assert.equal(result.message, 'data.password: hard-coded credential (Zq8m***)');
    assert.ok(!result.message.includes(FAKE.password));
  });

  it('rates a committed TLS private key critical, and not the certificate', () => {
    const yaml = secret(`data:\n  tls.crt: ${b64(TLS_CRT)}\n  tls.key: ${b64(TLS_KEY)}\n`, 'kubernetes.io/tls');
    const result = single(run(secretChecks, yaml), 'secret-in-manifest');
    assert.equal(result.severity, 'critical');
    assert.deepEqual(result.path, ['data', 'tls.key']);
    assert.match(result.message, /^data\.tls\.key: private key \(MIGH\*\*\*\)$/);
  });

  it('reads stringData and registry credentials', () => {
    const docker = JSON.stringify({ auths: { 'registry.example.com': { auth: b64(`ci:${FAKE.password}`) } } });
    const yaml = secret(`data:\n  .dockerconfigjson: ${b64(docker)}\nstringData:\n  webhook-token: ${FAKE.github}\n`, 'kubernetes.io/dockerconfigjson');
    const result = single(run(secretChecks, yaml), 'secret-in-manifest');
    assert.equal(
      result.message,
      'data..dockerconfigjson: registry credentials for registry.example.com (Zq8m***); stringData.webhook-token: GitHub token (ghp_***)',
    );
  });

  it('passes Secrets holding placeholders, empty values or no credential', () => {
    const yaml = secret(`data:\n  password: ""\n  username: ${b64('orders')}\nstringData:\n  api-token: \${API_TOKEN}\n  url: https://orders.example.com\n`);
    assert.equal(single(run(secretChecks, yaml), 'secret-in-manifest').status, 'pass');
  });

  it('ignores encrypted SealedSecrets', () => {
    const yaml = `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: orders-db\nspec:\n  encryptedData:\n    password: AgBy8hC${fakeChars(300, 43)}\n`;
    assert.deepEqual(run(secretChecks, yaml), []);
  });
});
