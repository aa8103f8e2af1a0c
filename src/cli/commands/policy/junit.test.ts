import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { runCli } from '../../program.js';
import { memoryIo } from '../../testing/memory-io.js';
import { policyTestJunit } from './junit.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' });

interface Case { classname: string; name: string; failure?: { message: string } }
interface Suites { testsuites: { testsuite: Array<{ name: string; tests: string; failures: string; errors: string; testcase: Case[] }> } }

describe('policy test -o junit', () => {
  it('gives each expected result a testcase and each mismatch a failure with its reason', () => {
    const xml = policyTestJunit(
      [
        {
          name: 'pods & <more>',
          file: 'k/kyverno-test.yaml',
          errors: [],
          rows: [
            { id: 1, policy: 'p', rule: 'r', resource: 'v1/Pod/ns/a', passed: true, reason: 'Ok', message: '' },
            { id: 2, policy: 'p', rule: 'r', resource: 'v1/Pod/ns/b', passed: false, reason: 'Want pass, got fail', message: 'label "team" is required' },
          ],
        },
      ],
      { detailedResults: true },
    );
    const suite = (parser.parse(xml) as Suites).testsuites.testsuite[0];
    assert.equal(suite?.name, 'pods & <more>');
    assert.deepEqual([suite?.tests, suite?.failures, suite?.errors], ['2', '1', '0']);
    assert.equal(suite?.testcase[1]?.failure?.message, 'Want pass, got fail');
    assert.equal(suite?.testcase[0]?.failure, undefined);
  });

  it('runs the example suite as JUnit XML', async () => {
    const io = memoryIo();
    const code = await runCli(['policy', 'test', 'examples/policies', '-o', 'junit'], io);
    assert.equal(code, 0, io.err());
    const suites = (parser.parse(io.out()) as Suites).testsuites.testsuite;
    assert.ok(suites.length > 0);
    assert.ok(suites.every((s) => s.failures === '0' && s.testcase.length > 0));
  });
});
