import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { FAKE, fakeChars, indent, run, single } from '../fixture.test-helper.js';
import { configMapChecks } from './configmap.js';

const CERTIFICATE = `-----BEGIN CERTIFICATE-----\n${fakeChars(64, 31)}\n${fakeChars(64, 32)}\n${fakeChars(40, 33)}\n-----END CERTIFICATE-----`;
const RSA_KEY = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

function configMap(data: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orders-config\n  namespace: shop\n${data}`;
}

describe('secret-in-configmap', () => {
  it('finds a password inside a properties file and leaves the public certificate alone', () => {
    const yaml = configMap(`data:
  ca.crt: |
${indent(CERTIFICATE, 4)}
  application.properties: |
    server.port=8080
    spring.datasource.url=jdbc:postgresql://orders-db:5432/orders
    spring.datasource.username=orders
    spring.datasource.password=${FAKE.password}
  LOG_LEVEL: info
`);
    const result = single(run(configMapChecks, yaml), 'secret-in-configmap');
    assert.equal(result.status, 'fail');
    assert.equal(result.severity, 'high');
    assert.equal(result.compatibleId, 'bosun:secret-in-configmap');
    assert.equal(result.discriminator, undefined);
    assert.deepEqual(result.path, ['data', 'application.properties']);
    assert.equal(result.message, 'data.application.properties: hard-coded credential for spring.datasource.password (Zq8m***)');
  });

  it('rates a private key critical', () => {
    const yaml = configMap(`data:\n  id_rsa: |\n${indent(RSA_KEY, 4)}\n  known_hosts: github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n`);
    const result = single(run(configMapChecks, yaml), 'secret-in-configmap');
    assert.equal(result.severity, 'critical');
    assert.match(result.message, /^data\.id_rsa: RSA private key \(MII.\*\*\*\)$/);
  });

  it('decodes binaryData', () => {
    const dotenv = `APP_ENV=production\nSENTRY_DSN=https://public@sentry.example.com/4\nSLACK_BOT_TOKEN=${FAKE.slack}\n`;
    const yaml = configMap(`binaryData:\n  app.env: ${Buffer.from(dotenv).toString('base64')}\n`);
    const result = single(run(configMapChecks, yaml), 'secret-in-configmap');
    assert.equal(result.status, 'fail');
    assert.deepEqual(result.path, ['binaryData', 'app.env']);
    assert.equal(result.message, 'binaryData.app.env: Slack token (xoxb***)');
  });

  it('passes placeholders, empty values and references', () => {
    const yaml = configMap(`data:
  DB_PASSWORD: ""
  API_TOKEN: \${API_TOKEN}
  config.yaml: |
    database:
      host: orders-db
      password: ""
      passwordFile: /run/secrets/db
    oauth:
      clientSecret: "{{ .Values.oauth.clientSecret }}"
      tokenUrl: https://auth.example.com/oauth/token
  ca.crt: |
${indent(CERTIFICATE, 4)}
`);
    const result = single(run(configMapChecks, yaml), 'secret-in-configmap');
    assert.equal(result.status, 'pass', result.message);
  });

  it('ignores kinds other than the core ConfigMap', () => {
    const yaml = 'apiVersion: example.com/v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  password: hunter2hunter2\n';
    assert.deepEqual(run(configMapChecks, yaml), []);
  });
});
