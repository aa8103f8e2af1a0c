import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { FAKE, fakeChars } from '../fixture.test-helper.js';
import { isCredentialName } from './keys.js';
import { mask } from './mask.js';
import type { Detection } from './scan.js';
import { scanEntries } from './scan.js';

function scan(name: string, value: string): Detection[] {
  return scanEntries([{ name, value }])[0] ?? [];
}

function kinds(name: string, value: string): string[] {
  return scan(name, value).map((d) => d.kind);
}

const EC_KEY = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
const PKCS8_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const CERTIFICATE = `-----BEGIN CERTIFICATE-----\n${fakeChars(64, 11)}\n${fakeChars(64, 12)}\n${fakeChars(20, 13)}==\n-----END CERTIFICATE-----\n`;

describe('credential scanner', () => {
  it('recognizes credentials by shape, whatever the key', () => {
    assert.deepEqual(kinds('VALUE', FAKE.awsKeyId), ['aws-access-key-id']);
    assert.deepEqual(kinds('VALUE', FAKE.github), ['github-token']);
    assert.deepEqual(kinds('VALUE', `github_pat_${fakeChars(22, 20)}_${fakeChars(59, 21)}`), ['github-token']);
    assert.deepEqual(kinds('VALUE', FAKE.slack), ['slack-token']);
    assert.deepEqual(kinds('VALUE', `https://hooks.slack.com/services/T0${fakeChars(8, 22)}/B0${fakeChars(8, 23)}/${fakeChars(24, 24)}`), ['slack-webhook']);
    assert.deepEqual(kinds('VALUE', FAKE.google), ['google-api-key']);
    assert.deepEqual(kinds('VALUE', FAKE.stripe), ['stripe-key']);
    assert.deepEqual(kinds('VALUE', FAKE.jwt), ['jwt']);
    assert.deepEqual(kinds('DATABASE_URL', `postgres://app:${FAKE.password}@db.shop.svc:5432/orders`), ['url-password']);
    assert.deepEqual(kinds('VALUE', EC_KEY), ['private-key']);
    assert.deepEqual(kinds('VALUE', PKCS8_KEY), ['private-key']);
  });

  it('labels PEM keys by type and finds base64-encoded ones (kubeconfig client-key-data)', () => {
    assert.equal(scan('key', EC_KEY)[0]?.label, 'EC private key');
    const kubeconfig = `users:\n- name: ci\n  user:\n    client-key-data: ${Buffer.from(EC_KEY).toString('base64')}\n`;
    assert.deepEqual(scan('kubeconfig', kubeconfig).map((d) => d.label), ['base64-encoded EC private key']);
  });

  it('recognizes credentials by key name, AWS secret keys by name or next to a key id', () => {
    assert.deepEqual(kinds('MYSQL_ROOT_PASSWORD', FAKE.password), ['named-value']);
    assert.deepEqual(kinds('AWS_SECRET_ACCESS_KEY', FAKE.awsSecret), ['aws-secret-access-key']);
    const [id, secret] = scanEntries([{ name: 'AWS_KEY', value: FAKE.awsKeyId }, { name: 'AWS_OTHER', value: FAKE.awsSecret }]);
    assert.deepEqual(id?.map((d) => d.kind), ['aws-access-key-id']);
    assert.deepEqual(secret?.map((d) => d.kind), ['aws-secret-access-key']);
  });

  it('reports well-known default passwords such as changeme', () => {
    assert.deepEqual(scan('ELASTIC_PASSWORD', 'changeme').map((d) => [d.kind, d.label]), [['default-password', 'well-known default password']]);
  });

  it('reads key=value pairs inside files, connection strings and flags', () => {
    const properties = `server.port=8080\nspring.datasource.url=jdbc:postgresql://db/orders\nspring.datasource.password=${FAKE.password}\n`;
    assert.deepEqual(scan('application.properties', properties).map((d) => d.label), ['hard-coded credential for spring.datasource.password']);
    assert.deepEqual(kinds('CONNECTION', `Server=db;User Id=sa;Password=${FAKE.password};Encrypt=true`), ['named-value']);
    assert.deepEqual(kinds('JAVA_OPTS', `-Xmx512m -Dspring.datasource.password=${FAKE.password}`), ['named-value']);
    assert.deepEqual(kinds('creds.json', `{"client_id":"orders","client_secret":"${FAKE.password}"}`), ['named-value']);
    assert.deepEqual(kinds('grafana.ini', '[security]\nadmin_user = admin\nadmin_password = admin\n'), ['default-password']);
  });

  it('reports a credential once when shape and key name both match', () => {
    assert.deepEqual(kinds('GITHUB_TOKEN', FAKE.github), ['github-token']);
    assert.deepEqual(kinds('config.yaml', `github:\n  token: ${FAKE.github}\n`), ['github-token']);
  });

  it('ignores empty values, placeholders, references and masks', () => {
    for (const value of ['', '  ', '${DB_PASSWORD}', '$(DB_PASSWORD)', '{{ .Values.db.password }}', '<password>', 'REPLACE_ME',
      'your-api-key-here', '********', 'xxxxxxxx', 'ENC[AES256_GCM,data:abc,iv:def]', 'vault:secret/data/db#password',
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf', 'null']) {
      assert.deepEqual(kinds('DB_PASSWORD', value), [], JSON.stringify(value));
    }
    assert.deepEqual(kinds('DATABASE_URL', 'postgres://app:${DB_PASSWORD}@db:5432/orders'), []);
    assert.deepEqual(kinds('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'), [], 'the AWS documentation key');
    assert.deepEqual(kinds('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), []);
    assert.deepEqual(kinds('SLACK_TOKEN', 'xoxb-your-token'), []);
  });

  it('ignores what credential-named keys hold when they do not hold the credential', () => {
    const cases: Array<[string, string]> = [
      ['DB_PASSWORD_FILE', '/run/secrets/db-password'],
      ['GOOGLE_APPLICATION_CREDENTIALS', '/var/secrets/google/key.json'],
      ['SECRET_NAME', 'orders-db'],
      ['TOKEN_URL', 'https://auth.example.com/oauth/token'],
      ['TOKEN_TTL', '15m'],
      ['MAX_TOKENS', '4096'],
      ['ENABLE_PASSWORD_AUTH', 'true'],
      ['SESSION_SECRET', 'false'],
      ['ACCESS_KEY', 'orders-uploader'],
      ['GIT_COMMIT', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'],
    ];
    for (const [name, value] of cases) assert.deepEqual(kinds(name, value), [], name);
  });

  it('does not take a certificate, or a private key header without a body, for a key', () => {
    assert.deepEqual(kinds('ca.crt', CERTIFICATE), []);
    assert.deepEqual(kinds('README', 'Paste your key here:\n-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n'), []);
  });

  it('does not take variables in scripts and code for literals', () => {
    const script = '#!/bin/sh\nTOKEN=$(cat /var/run/secrets/token)\nexport PASSWORD="$DB_PASSWORD"\n';
    const python = 'password = os.environ["DB_PASSWORD"]\nconn = connect(user=user, password=password)\n';
    const js = 'module.exports = {\n  password: process.env.DB_PASSWORD,\n  token: "",\n};\n';
    const prose = 'Set the token: in the UI. The password: is required.';
    for (const text of [script, python, js, prose]) assert.deepEqual(kinds('file', text), [], text);
  });

  it('never prints the secret: at most 4 characters, at most a quarter of it', () => {
    assert.equal(mask(FAKE.github), 'ghp_***');
    assert.equal(mask('hunter2'), 'h***');
    assert.equal(mask('abc'), '***');
    for (const secret of Object.values(FAKE)) {
      for (const detection of scan('TOKEN', secret)) assert.ok(!detection.masked.includes(secret.slice(0, 5)), detection.masked);
    }
  });

  it('splits key names into words the way people write them', () => {
    const yes = ['MYSQL_ROOT_PASSWORD', 'dbPassword', 'APIKey', 'api-key', 'SECRET_KEY_BASE', 'AWS_SECRET_ACCESS_KEY', 'DB_PASS', 'ssh-privatekey', 'clientSecret', 'NEXTAUTH_SECRET', 'auth_token'];
    const no = ['passwordSecretRef', 'secretKeyRef', 'PASSWORD_FILE', 'TOKEN_URL', 'API_KEY_ID', 'ACCESS_KEY', 'compass', 'PASS_THROUGH', 'tls.key', 'BEARER_TOKEN_FILE'];
    for (const name of yes) assert.equal(isCredentialName(name), true, name);
    for (const name of no) assert.equal(isCredentialName(name), false, name);
  });
});
