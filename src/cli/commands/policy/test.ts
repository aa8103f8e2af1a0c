import { relative } from 'node:path';
import { describeUnknown, formatLocated } from '../../../kernel/index.js';
import type { Diagnostic } from '../../../kernel/index.js';
import { EXIT } from '../../exit-codes.js';
import type { CliIo } from '../../io.js';
import { discoverTests } from './discover.js';
import { readText } from './inputs.js';
import { runTest } from './run-test.js';
import type { TestRow } from './run-test.js';
import { policyTestJunit } from './junit.js';
import { renderTable } from './table.js';
import { parseTestText } from './test-file.js';

export interface PolicyTestOptions {
  /** Add the rule's message to each row. @default false */
  detailedResults?: boolean;
  /** Show only rows that did not pass. @default false */
  failOnly?: boolean;
  /** @default 'table' */
  output?: 'table' | 'json' | 'junit';
  /** Name of the test files to discover. @default 'kyverno-test.yaml' */
  fileName?: string;
}

interface TestReport {
  name: string;
  file: string;
  rows: TestRow[];
  errors: string[];
  passed: boolean;
}

/**
 * `bosun policy test`: runs Kyverno CLI test suites unchanged. Exit 0 when every expectation holds,
 * 1 when any does not, 3 when a test or one of its inputs cannot be loaded.
 */
export async function runPolicyTest(paths: readonly string[], options: PolicyTestOptions, io: CliIo): Promise<number> {
  const files = await discoverTests(paths, options.fileName);
  if (files.length === 0) {
    io.stderr.write(`bosun: no ${options.fileName ?? 'kyverno-test.yaml'} found under ${paths.join(', ')}\n`);
    return EXIT.input;
  }
  const reports: TestReport[] = [];
  let loadFailure = false;
  for (const file of files) {
    const shown = relative(io.cwd, file) || file;
    try {
      for (const test of parseTestText(shown, await readText(file, 'test'))) {
        const outcome = await runTest(test, file);
        const errors = outcome.diagnostics.filter((d) => d.level === 'error').map(describeDiagnostic);
        for (const d of outcome.diagnostics) io.stderr.write(`bosun: ${d.level}: ${describeDiagnostic(d)}\n`);
        if (errors.length > 0) loadFailure = true;
        reports.push({ name: test.name, file: shown, rows: outcome.rows, errors, passed: errors.length === 0 && outcome.rows.every((r) => r.passed) });
      }
    } catch (error) {
      loadFailure = true;
      const message = describeUnknown(error);
      io.stderr.write(`bosun: ${message}\n`);
      reports.push({ name: '', file: shown, rows: [], errors: [message], passed: false });
    }
  }
  if (options.output === 'json') io.stdout.write(`${JSON.stringify(jsonReport(reports, options), null, 2)}\n`);
  else if (options.output === 'junit') io.stdout.write(policyTestJunit(reports, options));
  else writeTables(reports, options, io);
  if (reports.every((r) => r.passed)) return EXIT.ok;
  return loadFailure ? EXIT.input : EXIT.findings;
}

function describeDiagnostic(d: Diagnostic): string {
  return formatLocated(d.message, d.file, d.line, d.column);
}

function writeTables(reports: readonly TestReport[], options: PolicyTestOptions, io: CliIo): void {
  for (const report of reports) {
    io.stdout.write(`\nTest ${report.name === '' ? '(not loaded)' : report.name} (${report.file})\n`);
    const rows = report.rows.filter((r) => options.failOnly !== true || !r.passed);
    if (rows.length === 0) {
      io.stdout.write(report.rows.length === 0 ? 'no results checked\n' : 'all results passed\n');
      continue;
    }
    const headers = ['ID', 'POLICY', 'RULE', 'RESOURCE', 'RESULT', 'REASON', ...(options.detailedResults === true ? ['MESSAGE'] : [])];
    const cells = rows.map((r) => [String(r.id), r.policy, r.rule, r.resource, r.passed ? 'Pass' : 'Fail', r.reason, ...(options.detailedResults === true ? [r.message] : [])]);
    io.stdout.write(renderTable(headers, cells));
  }
  const passed = reports.filter((r) => r.passed).length;
  io.stdout.write(`\nTest Summary: ${passed} tests passed and ${reports.length - passed} tests failed\n`);
}

function jsonReport(reports: readonly TestReport[], options: PolicyTestOptions): unknown {
  return {
    tests: reports.map((r) => ({
      name: r.name,
      file: r.file,
      passed: r.passed,
      errors: r.errors,
      results: r.rows
        .filter((row) => options.failOnly !== true || !row.passed)
        .map((row) => ({ id: row.id, policy: row.policy, rule: row.rule, resource: row.resource, result: row.passed ? 'Pass' : 'Fail', reason: row.reason, ...(options.detailedResults === true ? { message: row.message } : {}) })),
    })),
    summary: { passed: reports.filter((r) => r.passed).length, failed: reports.filter((r) => !r.passed).length },
  };
}
