/** The JUnit XML shape Bosun writes: the common subset of Ant, Maven Surefire and Jenkins readers. */

export type Outcome =
  /** A failed assertion: a finding to act on. */
  | { kind: 'failure'; message: string; type: string; body: string }
  /** The test could not run: here, an input that could not be read or parsed. */
  | { kind: 'error'; message: string; type: string; body: string }
  | { kind: 'skipped'; message: string; body: string };

export interface TestCase {
  classname: string;
  name: string;
  /** Source file, for CI UIs that link to it (GitLab, Jenkins warnings plugins). */
  file?: string;
  /** Undefined for a passed test. */
  outcome?: Outcome;
}

export interface TestSuite {
  name: string;
  cases: TestCase[];
  /** Suite-level output: input warnings that are not tests of their own. */
  systemErr?: string;
}

export interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export function countsOf(cases: readonly TestCase[]): Counts {
  const counts: Counts = { tests: cases.length, failures: 0, errors: 0, skipped: 0 };
  for (const c of cases) {
    if (c.outcome?.kind === 'failure') counts.failures++;
    else if (c.outcome?.kind === 'error') counts.errors++;
    else if (c.outcome?.kind === 'skipped') counts.skipped++;
  }
  return counts;
}
