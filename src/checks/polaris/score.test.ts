import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gradeLetter, gradeOf, polarisScore } from './score.js';

test('score divides in double precision before scaling (S=29, W=0, D=21 gives 57, not 58)', () => {
  assert.equal(polarisScore(29, 0, 21), 57);
  // The exact integer formula would say 58.
  assert.equal(Math.floor((100 * 2 * 29) / (2 * 29 + 2 * 21)), 58);
});

test('score is 100 without results, and weighs warnings half as much as dangers', () => {
  assert.equal(polarisScore(0, 0, 0), 100);
  assert.equal(polarisScore(1, 0, 0), 100);
  assert.equal(polarisScore(0, 3, 0), 0);
  assert.equal(polarisScore(1, 2, 0), 50);
  assert.equal(polarisScore(1, 0, 1), 50);
  assert.equal(polarisScore(3, 1, 0), 85);
});

test('grade bands follow the dashboard', () => {
  const cases: Array<[number, string]> = [
    [100, 'A+'], [97, 'A+'], [96, 'A'], [93, 'A'], [92, 'A-'], [90, 'A-'], [89, 'B+'], [87, 'B+'], [86, 'B'],
    [83, 'B'], [82, 'B-'], [80, 'B-'], [79, 'C+'], [77, 'C+'], [76, 'C'], [73, 'C'], [72, 'C-'], [70, 'C-'],
    [69, 'D+'], [67, 'D+'], [66, 'D'], [63, 'D'], [62, 'D-'], [60, 'D-'], [59, 'F'], [0, 'F'],
  ];
  for (const [score, grade] of cases) assert.equal(gradeLetter(score), grade, `score ${score}`);
});

test('gradeOf carries the counts', () => {
  assert.deepEqual(gradeOf(29, 0, 21), { score: 57, grade: 'F', passed: 29, warnings: 0, dangers: 21 });
});
