import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BosunError } from '../../kernel/index.js';
import { resolvePolarisConfig } from './config.js';

const isConfigError = (e: unknown): boolean => e instanceof BosunError && e.code === 'config.invalid';

test('no config means the default severities and no exemptions', () => {
  const config = resolvePolarisConfig(undefined);
  assert.equal(config.severities.get('hostIPCSet'), 'danger');
  assert.equal(config.severities.get('hostPathSet'), 'warning');
  assert.equal(config.exemptions.length, 0);
  assert.equal(config.annotationExemptions, true);
});

test('checks merge over the defaults; custom checks need a severity entry to run', () => {
  const config = resolvePolarisConfig({
    checks: { hostIPCSet: 'warning', myCheck: 'danger' },
    customChecks: { myCheck: { target: 'Pod', schema: { type: 'object' } }, unlisted: { target: 'Pod', schema: {} } },
  });
  assert.equal(config.severities.get('hostIPCSet'), 'warning');
  assert.equal(config.severities.get('hostPIDSet'), 'danger');
  assert.equal(config.severities.get('myCheck'), 'danger');
  assert.equal(config.severities.has('unlisted'), false);
});

test('invalid configurations are rejected with config.invalid', () => {
  assert.throws(() => resolvePolarisConfig({ checks: { hostIPCSet: 'fatal' } }), isConfigError);
  assert.throws(() => resolvePolarisConfig({ checks: { noSuchCheck: 'danger' } }), isConfigError);
  assert.throws(() => resolvePolarisConfig({ exemptions: [{ namespaces: ['x'] }] }), isConfigError);
  assert.throws(() => resolvePolarisConfig({ customChecks: { c: { target: 'Pod' } } }), isConfigError);
  assert.throws(() => resolvePolarisConfig({ customChecks: { c: { target: 'PodSpec', schemaTarget: 'PodSpec', schema: {} } } }), isConfigError);
  assert.throws(() => resolvePolarisConfig('checks: all'), isConfigError);
});

test('disallow flags drop exemptions', () => {
  assert.equal(resolvePolarisConfig({ exemptions: [{ rules: ['x'] }], disallowConfigExemptions: true }).exemptions.length, 0);
  const none = resolvePolarisConfig({ exemptions: [{ rules: ['x'] }], disallowExemptions: true });
  assert.equal(none.exemptions.length, 0);
  assert.equal(none.annotationExemptions, false);
});
