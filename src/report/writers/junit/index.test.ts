import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyReport, fixtureReport, HOSTILE_NAME } from '../fixture.test-helper.js';
import { assertGolden } from '../golden.test-helper.js';
import { junitWriter } from './index.js';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/g, (_m, ref: string) => (ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : ENTITIES[ref] ?? `&${ref};`));
}

/**
 * A strict little reader for the XML this writer emits: it fails on anything not well-formed
 * (unbalanced tags, raw `<` or stray `&` in text or attributes, characters XML 1.0 forbids).
 */
function parseXml(xml: string): Element {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  assert.doesNotMatch(xml, /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u, 'only XML 1.0 characters');
  const body = xml.slice(xml.indexOf('\n') + 1);
  const token = /<(\/?)([A-Za-z-]+)((?:\s+[A-Za-z-]+="[^"<&]*(?:&(?:#\d+|amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>|((?:[^<&]|&(?:#\d+|amp|lt|gt|quot|apos);)+)/gy;
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: Element[] = [root];
  let match: RegExpExecArray | null;
  let position = 0;
  while ((match = token.exec(body)) !== null) {
    position = token.lastIndex;
    const top = stack[stack.length - 1];
    assert.ok(top !== undefined);
    const [, closing, name, attrs, selfClosing, text] = match;
    if (text !== undefined) {
      top.text += decode(text);
    } else if (closing === '/') {
      assert.equal(top.name, name, 'balanced tags');
      stack.pop();
    } else {
      const element: Element = { name: name ?? '', attributes: {}, children: [], text: '' };
      for (const [, key, value] of (attrs ?? '').matchAll(/([A-Za-z-]+)="([^"]*)"/g)) element.attributes[key ?? ''] = decode(value ?? '');
      top.children.push(element);
      if (selfClosing !== '/') stack.push(element);
    }
  }
  assert.equal(position, body.length, 'whole document read');
  assert.equal(stack.length, 1, 'all tags closed');
  const [document] = root.children;
  assert.ok(document !== undefined && root.children.length === 1);
  return document;
}

function count(element: Element, key: string): number {
  return Number(element.attributes[key]);
}

function children(element: Element, name: string): Element[] {
  return element.children.filter((c) => c.name === name);
}

describe('junit writer', () => {
  it('matches the golden file', () => {
    assertGolden('junit/testdata/fixture.xml', junitWriter.write(fixtureReport()));
  });

  const report = fixtureReport();
  const xml = junitWriter.write(report);
  const root = parseXml(xml);
  const suites = children(root, 'testsuite');

  it('writes one suite per check id, plus one for input problems', () => {
    const checkIds = [...new Set(report.findings.map((f) => f.checkId))].sort();
    assert.deepEqual(suites.map((s) => s.attributes['name']), [...checkIds, 'bosun/input']);
  });

  it('counts tests, failures, errors and skips correctly in every suite and in total', () => {
    for (const suite of suites) {
      const cases = children(suite, 'testcase');
      assert.equal(count(suite, 'tests'), cases.length);
      assert.equal(count(suite, 'failures'), cases.filter((c) => children(c, 'failure').length > 0).length);
      assert.equal(count(suite, 'errors'), cases.filter((c) => children(c, 'error').length > 0).length);
      assert.equal(count(suite, 'skipped'), cases.filter((c) => children(c, 'skipped').length > 0).length);
    }
    const problems = report.findings.filter((f) => f.status === 'fail' || f.status === 'warn' || f.status === 'error').length;
    const inputErrors = report.diagnostics.filter((d) => d.level === 'error').length;
    assert.equal(count(root, 'tests'), report.findings.length + inputErrors);
    assert.equal(count(root, 'failures'), problems);
    assert.equal(count(root, 'errors'), inputErrors);
    assert.equal(count(root, 'skipped'), report.totals.byStatus.skip);
    assert.equal(count(root, 'tests'), suites.reduce((n, s) => n + count(s, 'tests'), 0));
  });

  it('names cases by resource and check, with severity, message and location', () => {
    const suite = suites.find((s) => s.attributes['name'] === 'privileged-container');
    assert.ok(suite !== undefined);
    const web = children(suite, 'testcase').find((c) => c.attributes['classname'] === 'Deployment prod/web');
    assert.ok(web !== undefined);
    assert.equal(web.attributes['name'], 'privileged-container [app]');
    assert.equal(web.attributes['file'], 'deploy/web.yaml');
    const failure = children(web, 'failure')[0];
    assert.equal(failure?.attributes['type'], 'critical');
    assert.equal(failure?.attributes['message'], 'Container "app" runs privileged');
    assert.match(failure?.text ?? '', /deploy\/web\.yaml:24:11/);
    assert.match(failure?.text ?? '', /Remediation: Set securityContext\.privileged to false\./);
    const passed = children(suite, 'testcase').find((c) => c.attributes['classname'] === 'DaemonSet kube-system/agent');
    assert.deepEqual(passed?.children, []);
  });

  it('writes skips with their reason and input errors as <error>', () => {
    const skipped = suites.flatMap((s) => children(s, 'testcase')).flatMap((c) => children(c, 'skipped'));
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]?.attributes['message'], 'CNI agent needs the host network');
    assert.match(skipped[0]?.text ?? '', /source: \.bosun\.yaml:14/);
    const input = suites.find((s) => s.attributes['name'] === 'bosun/input');
    const error = input === undefined ? undefined : children(children(input, 'testcase')[0] ?? input, 'error')[0];
    assert.equal(error?.attributes['type'], 'input.yaml');
    assert.match(error?.text ?? '', /^deploy\/broken\.yaml:3:8: malformed document/);
    assert.match(children(input ?? root, 'system-err')[0]?.text ?? '', /warning config\.invalid: \.bosun\.yaml: exception expired/);
  });

  it('escapes markup and replaces characters XML 1.0 forbids', () => {
    assert.ok(!xml.includes(HOSTILE_NAME));
    assert.ok(!xml.includes('\u0007'));
    assert.ok(xml.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    const hostile = suites.flatMap((s) => children(s, 'testcase')).find((c) => c.attributes['classname'] === `Pod dev/${HOSTILE_NAME}`);
    assert.ok(hostile !== undefined, 'round-trips through the parser');
    assert.equal(hostile.attributes['name'], `privileged-container [${HOSTILE_NAME}]`);
    assert.equal(children(hostile, 'failure')[0]?.attributes['message'], 'value "a&b" is <not> \'ok\'\uFFFD here');
  });

  it('keeps attribute whitespace and disambiguates repeated case names', () => {
    const base = fixtureReport();
    const first = base.findings[0];
    assert.ok(first !== undefined);
    const twin = { ...first, message: 'line one\nline two\ttab', fingerprint: 'ffffffffffff0000ffffffffffff0000' };
    const doc = parseXml(junitWriter.write({ ...base, findings: [first, twin] }));
    const cases = children(children(doc, 'testsuite')[0] ?? doc, 'testcase');
    assert.equal(new Set(cases.map((c) => c.attributes['name'])).size, 2);
    assert.ok(cases.some((c) => c.attributes['name'] === 'privileged-container [app] #ffffffffffff'));
    assert.equal(children(cases[1] ?? doc, 'failure')[0]?.attributes['message'], 'line one\nline two\ttab');
  });

  it('writes an empty but valid document when there is nothing to report', () => {
    const empty = parseXml(junitWriter.write(emptyReport()));
    assert.deepEqual(empty.attributes, { name: 'Bosun scan config', tests: '0', failures: '0', errors: '0', skipped: '0' });
    assert.deepEqual(empty.children, []);
  });
});
