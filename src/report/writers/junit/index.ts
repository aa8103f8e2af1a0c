import type { ReportWriter, ScanReport } from '../../types.js';
import { escapeXmlAttribute, escapeXmlText } from '../escape.js';
import type { Counts, TestCase, TestSuite } from './model.js';
import { countsOf } from './model.js';
import { findingSuites, inputSuite } from './suites.js';

/** JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps, GitHub test-report actions). */
export const junitWriter = {
  id: 'junit',
  description: 'JUnit XML for CI test reports',
  extension: 'xml',
  write(report: ScanReport): string {
    const input = inputSuite(report.diagnostics);
    const suites = [...findingSuites(report.findings), ...(input === undefined ? [] : [input])];
    const total = sum(suites.map((s) => countsOf(s.cases)));
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes({ name: `Bosun ${report.command}`, ...total })}>`];
    for (const suite of suites) lines.push(...suiteLines(suite));
    lines.push('</testsuites>');
    return `${lines.join('\n')}\n`;
  },
} satisfies ReportWriter;

function suiteLines(suite: TestSuite): string[] {
  const open = `  <testsuite${attributes({ name: suite.name, ...countsOf(suite.cases) })}`;
  if (suite.cases.length === 0 && suite.systemErr === undefined) return [`${open}/>`];
  const lines = [`${open}>`];
  for (const c of suite.cases) lines.push(...caseLines(c));
  if (suite.systemErr !== undefined) lines.push(`    <system-err>${escapeXmlText(suite.systemErr)}</system-err>`);
  lines.push('  </testsuite>');
  return lines;
}

function caseLines(c: TestCase): string[] {
  const open = `    <testcase${attributes({ classname: c.classname, name: c.name, ...(c.file !== undefined ? { file: c.file } : {}) })}`;
  const o = c.outcome;
  if (o === undefined) return [`${open}/>`];
  const attrs = o.kind === 'skipped' ? attributes({ message: o.message }) : attributes({ message: o.message, type: o.type });
  const element = o.body === '' ? `<${o.kind}${attrs}/>` : `<${o.kind}${attrs}>${escapeXmlText(o.body)}</${o.kind}>`;
  return [`${open}>`, `      ${element}`, '    </testcase>'];
}

/** ` a="x" b="y"` with every value escaped; key order is the caller's, so output is stable. */
function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

function sum(counts: readonly Counts[]): Counts {
  return counts.reduce((a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped }), { tests: 0, failures: 0, errors: 0, skipped: 0 });
}
