import type { Finding } from '../../../findings/index.js';
import type { Diagnostic } from '../../../kernel/index.js';
import { formatLocated } from '../../../kernel/index.js';
import { locationText, subjectRef, subjectText } from '../subject.js';
import type { TestCase, TestSuite } from './model.js';

/**
 * Suite of input problems. Check ids are kebab-case and never contain `/`, so this name cannot
 * collide with a check's suite.
 */
export const INPUT_SUITE = 'bosun/input';

/**
 * One suite per check id. Suites are what CI UIs list first, with pass/fail counts (GitLab's
 * "Tests" tab, Jenkins' test result trend, Azure DevOps). Check ids are a small, stable set, so
 * suite names, counts and history stay comparable across runs while resources come and go; the
 * per-resource view is still there, because `classname` is the resource and Jenkins groups by it.
 */
export function findingSuites(findings: readonly Finding[]): TestSuite[] {
  const byCheck = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = byCheck.get(f.checkId);
    if (group === undefined) byCheck.set(f.checkId, [f]);
    else group.push(f);
  }
  const ids = [...byCheck.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((id) => ({ name: id, cases: uniqueNames((byCheck.get(id) ?? []).map(findingCase)) }));
}

function findingCase(f: Finding): TestCase & { disambiguator: string } {
  const testCase: TestCase & { disambiguator: string } = {
    classname: subjectRef(f.subject),
    name: f.subject.container === undefined ? f.checkId : `${f.checkId} [${f.subject.container}]`,
    // Readers track a test's history by classname + name; the fingerprint is stable across runs.
    disambiguator: f.fingerprint.slice(0, 12),
    ...(f.location !== undefined ? { file: f.location.file } : {}),
  };
  if (f.status === 'skip') {
    const s = f.suppression;
    const details = s === undefined ? [] : [`source: ${s.source}`, ...(s.owner !== undefined ? [`owner: ${s.owner}`] : []), ...(s.ticket !== undefined ? [`ticket: ${s.ticket}`] : []), ...(s.expires !== undefined ? [`expires: ${s.expires}`] : [])];
    testCase.outcome = { kind: 'skipped', message: s?.reason ?? 'skipped', body: details.join('\n') };
  } else if (f.status !== 'pass') {
    // `error` (could not evaluate) is still the check's verdict about the resource, so it is a
    // failure like `fail` and `warn`; JUnit <error> is kept for inputs Bosun could not read.
    testCase.outcome = { kind: 'failure', message: f.message, type: f.severity, body: failureBody(f) };
  }
  return testCase;
}

function failureBody(f: Finding): string {
  const lines = [`${f.title} (${f.severity}, ${f.status})`, subjectText(f.subject)];
  if (f.location !== undefined) lines.push(`${locationText(f.location)}${f.location.field === undefined ? '' : ` (${f.location.field})`}`);
  lines.push(f.message);
  if (f.remediation !== '') lines.push(`Remediation: ${f.remediation}`);
  if (f.compatibleIds.length > 0) lines.push(`Also reported as: ${f.compatibleIds.join(', ')}`);
  return lines.join('\n');
}

/**
 * Input problems. Errors are testcases with <error>: an unreadable file is a test that could not
 * run, and CI should show it as red. Warnings go to the suite's <system-err>: they are worth
 * reading but are not tests, so they must not inflate the counts.
 */
export function inputSuite(diagnostics: readonly Diagnostic[]): TestSuite | undefined {
  if (diagnostics.length === 0) return undefined;
  const cases = diagnostics
    .filter((d) => d.level === 'error')
    .map((d, i): TestCase & { disambiguator: string } => ({
      classname: d.file ?? 'input',
      name: d.line === undefined ? d.code : `${d.code} at ${d.line}${d.column === undefined ? '' : `:${d.column}`}`,
      disambiguator: String(i + 1),
      ...(d.file !== undefined ? { file: d.file } : {}),
      outcome: { kind: 'error', message: d.message, type: d.code, body: formatLocated(d.message, d.file, d.line, d.column) },
    }));
  const warnings = diagnostics.filter((d) => d.level === 'warning').map((d) => `warning ${d.code}: ${formatLocated(d.message, d.file, d.line, d.column)}`);
  return { name: INPUT_SUITE, cases: uniqueNames(cases), ...(warnings.length > 0 ? { systemErr: warnings.join('\n') } : {}) };
}

/** Two testcases with one classname and name would merge in most readers; suffix the repeats. */
function uniqueNames(cases: ReadonlyArray<TestCase & { disambiguator: string }>): TestCase[] {
  const seen = new Map<string, number>();
  for (const c of cases) {
    const key = `${c.classname}\u0000${c.name}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return cases.map(({ disambiguator, ...c }) => ((seen.get(`${c.classname}\u0000${c.name}`) ?? 0) > 1 ? { ...c, name: `${c.name} #${disambiguator}` } : c));
}
