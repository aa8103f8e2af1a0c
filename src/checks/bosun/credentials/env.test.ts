import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAKE, lineOf, resultsFor, run, single } from '../fixture.test-helper.js';
import { envChecks } from './env.js';

const ORDERS = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
  namespace: shop
spec:
  selector:
    matchLabels: {app: orders}
  template:
    metadata:
      labels: {app: orders}
    spec:
      initContainers:
        - name: migrate
          image: registry.example.com/orders-migrate:2.3.0
          env:
            - name: DATABASE_URL
              value: "postgres://orders:${FAKE.password}@orders-db.shop.svc:5432/orders"
      containers:
        - name: api
          image: registry.example.com/orders:2.3.0
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: orders-db
                  key: password
            - name: DB_PASSWORD_FILE
              value: /run/secrets/orders-db/password
            - name: AWS_ACCESS_KEY_ID
              value: ${FAKE.awsKeyId}
            - name: AWS_SECRET_ACCESS_KEY
              value: ${FAKE.awsSecret}
            - name: STRIPE_API_KEY
              value: ${FAKE.stripe}
        - name: metrics
          image: registry.example.com/exporter:0.9.1
          env:
            - name: EXPORTER_TOKEN
              value: ""
            - name: REDIS_PASSWORD
              value: \${REDIS_PASSWORD}
            - name: METRICS_PATH
              value: /metrics
`;

describe('secret-in-env', () => {
  it('reports one result per container, all its variables in one message, pointing at the first', () => {
    const results = run(envChecks, ORDERS);
    assert.deepEqual(results.map((r) => [r.container, r.status]), [['migrate', 'fail'], ['api', 'fail'], ['metrics', 'pass']]);
    const api = results.find((r) => r.container === 'api');
    assert.ok(api !== undefined);
    assert.equal(api.checkId, 'secret-in-env');
    assert.equal(api.compatibleId, 'bosun:secret-in-env');
    assert.equal(api.discriminator, undefined, 'shared checks merge with Polaris only without a discriminator');
    assert.equal(api.severity, 'high');
    assert.deepEqual(api.path, ['spec', 'template', 'spec', 'containers', 0, 'env', 3, 'value']);
    assert.equal(lineOf(api), 34);
    assert.equal(
      api.message,
      'env AWS_ACCESS_KEY_ID: AWS access key id (AKIA***); env AWS_SECRET_ACCESS_KEY: AWS secret access key (' +
        `${FAKE.awsSecret.slice(0, 4)}***); env STRIPE_API_KEY: Stripe live key (sk_l***)`,
    );
    const migrate = results.find((r) => r.container === 'migrate');
    assert.match(migrate?.message ?? '', /^env DATABASE_URL: password in a URL \(Zq8m\*\*\*\)$/);
  });

  it('never puts the secret in a message', () => {
    for (const result of run(envChecks, ORDERS)) {
      for (const secret of Object.values(FAKE)) assert.ok(!result.message.includes(secret), result.message);
    }
  });

  it('reports well-known defaults and credentials hidden in flags', () => {
    const pod = `
apiVersion: v1
kind: Pod
metadata:
  name: search
spec:
  containers:
    - name: elasticsearch
      image: docker.elastic.co/elasticsearch/elasticsearch:8.14.1
      env:
        - name: ELASTIC_PASSWORD
          value: changeme
        - name: ES_JAVA_OPTS
          value: "-Xms1g -Xmx1g -Dxpack.security.transport.ssl.keystore.password=${FAKE.password}"
`;
    const result = single(run(envChecks, pod), 'secret-in-env');
    assert.equal(result.status, 'fail');
    assert.equal(
      result.message,
      'env ELASTIC_PASSWORD: well-known default password (ch***); ' +
        'env ES_JAVA_OPTS: hard-coded credential for xpack.security.transport.ssl.keystore.password (Zq8m***)',
    );
  });

  it('reads containers of every workload kind, CronJobs included', () => {
    const cronJob = `
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: registry.example.com/backup:1.0.0
              env:
                - name: GITHUB_TOKEN
                  value: ${FAKE.github}
`;
    const result = single(run(envChecks, cronJob), 'secret-in-env');
    assert.equal(result.status, 'fail');
    assert.equal(result.container, 'backup');
    assert.deepEqual(result.path?.slice(0, 5), ['spec', 'jobTemplate', 'spec', 'template', 'spec']);
  });

  it('passes containers without env and ignores non-workloads', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';
    assert.deepEqual(resultsFor(run(envChecks, yaml), 'secret-in-env').map((r) => r.status), ['pass']);
    assert.deepEqual(run(envChecks, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  TOKEN: x\n'), []);
  });
});
