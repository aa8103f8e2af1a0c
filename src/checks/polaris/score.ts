import type { Grade } from '../types.js';

/**
 * Polaris's score: passes earn 2 points, warnings cost 1 and dangers 2 in the denominator. The
 * quotient is taken in double precision before scaling and truncating, which is not always
 * floor(100·2S/total): S=29, D=21 gives 57, not 58. 100 when nothing was checked.
 * ref. FairwindsOps/polaris pkg/validator/summary.go (GetScore)
 */
export function polarisScore(successes: number, warnings: number, dangers: number): number {
  const total = 2 * successes + warnings + 2 * dangers;
  if (total === 0) return 100;
  return Math.trunc(((2 * successes) / total) * 100);
}

const BANDS: ReadonlyArray<readonly [number, string]> = [
  [97, 'A+'], [93, 'A'], [90, 'A-'], [87, 'B+'], [83, 'B'], [80, 'B-'],
  [77, 'C+'], [73, 'C'], [70, 'C-'], [67, 'D+'], [63, 'D'], [60, 'D-'],
];

/** Dashboard letter grade for a score. ref. FairwindsOps/polaris pkg/dashboard/helpers.go */
export function gradeLetter(score: number): string {
  return BANDS.find(([min]) => score >= min)?.[1] ?? 'F';
}

export function gradeOf(passed: number, warnings: number, dangers: number): Grade {
  const score = polarisScore(passed, warnings, dangers);
  return { score, grade: gradeLetter(score), passed, warnings, dangers };
}
