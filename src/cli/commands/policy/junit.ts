import { escapeXmlAttribute, escapeXmlText } from '../../../report/writers/escape.js';
import type { TestRow } from './run-test.js';

export interface JunitTest {
  name: string;
  file: string;
  rows: readonly TestRow[];
  errors: readonly string[];
}

/**
 * `policy test -o junit`: one testsuite per kyverno test, one testcase per expected result, a
 * `<failure>` for each mismatch and an `<error>` for a test that could not be loaded, so CI systems
 * show policy tests beside unit tests. ref. the JUnit XML shape CI systems read (testsuites,
 * testsuite, testcase, failure, error).
 */
export function policyTestJunit(tests: readonly JunitTest[], options: { failOnly?: boolean; detailedResults?: boolean }): string {
  const suites = tests.map((test) => {
    const rows = test.rows.filter((r) => options.failOnly !== true || !r.passed);
    const failures = rows.filter((r) => !r.passed).length;
    const cases = rows.map((r) => {
      const name = escapeXmlAttribute(`${r.rule} ${r.resource}`);
      const detail = options.detailedResults === true && r.message !== '' ? `\n${r.message}` : '';
      const body = r.passed ? '' : `\n      <failure message="${escapeXmlAttribute(r.reason)}">${escapeXmlText(`${r.reason}${detail}`)}</failure>\n    `;
      return `    <testcase classname="${escapeXmlAttribute(r.policy)}" name="${name}" file="${escapeXmlAttribute(test.file)}">${body}</testcase>`;
    });
    const errors = test.errors.map((e) => `    <testcase classname="${escapeXmlAttribute(test.file)}" name="load"><error message="${escapeXmlAttribute(e)}">${escapeXmlText(e)}</error></testcase>`);
    const label = escapeXmlAttribute(test.name === '' ? test.file : test.name);
    return `  <testsuite name="${label}" tests="${cases.length + errors.length}" failures="${failures}" errors="${errors.length}">\n${[...cases, ...errors].join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bosun policy test">\n${suites.join('\n')}\n</testsuites>\n`;
}
