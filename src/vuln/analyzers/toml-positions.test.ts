import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locateArrayTables } from './toml-positions.js';

describe('locateArrayTables', () => {
  it('finds direct keys of each entry, not those in strings, comments, sub-tables or nested arrays', () => {
    const text = [
      '[[package]]', // 1
      "description = '''", // 2
      'name = "no"', // 3
      "'''", // 4
      '# name = "no"', // 5
      'name = "a"', // 6
      'matrix = [', // 7
      '  [1, 2],', // 8
      ']', // 9
      'version = "1"', // 10
      '[package.source]', // 11
      'name = "no"', // 12
      '[[ package ]] # second', // 13
      '"name" = "b"', // 14
      '[[other]]', // 15
      'name = "no"', // 16
    ].join('\n');
    const entries = locateArrayTables(text, 'package');
    assert.deepEqual(
      entries.map((e) => [e.line, e.keys.get('name'), e.keys.get('version')]),
      [
        [1, 6, 10],
        [13, 14, undefined],
      ],
    );
  });
});
