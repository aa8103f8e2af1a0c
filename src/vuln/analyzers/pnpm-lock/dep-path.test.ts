import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identityFromDepPath } from './dep-path.js';

describe('identityFromDepPath', () => {
  const cases: Array<[string, number, string | undefined]> = [
    ['/acorn/8.7.0', 5.4, 'acorn@8.7.0'],
    ['/@types/node/20.1.0', 5.4, '@types/node@20.1.0'],
    ['/acorn-jsx/5.3.2_acorn@8.7.0', 5.3, 'acorn-jsx@5.3.2'],
    ['/foo/1.4.0_@types+babel__core@7.1.14', 5.3, 'foo@1.4.0'],
    ['registry.example.com/@foo/bar/1.1.0', 5.3, '@foo/bar@1.1.0'],
    ['/react-dom@18.2.0(react@18.2.0)', 6, 'react-dom@18.2.0'],
    ['/next@13.4.0(@babel/core@7.21.0)(react@18.2.0)', 6, 'next@13.4.0'],
    ['/@scope/pkg@1.0.0(@other/peer@2.0.0)', 6, '@scope/pkg@1.0.0'],
    ['acorn@8.11.3', 9, 'acorn@8.11.3'],
    ['@typescript-eslint/types@5.62.0', 9, '@typescript-eslint/types@5.62.0'],
    ['ansi-regex@https://codeload.github.com/chalk/ansi-regex/tar.gz/02fa893d', 9, 'ansi-regex@'],
    // no version in the path: the entry's own name/version fields must say
    ['github.com/kevva/is-positive', 5.3, '@'],
    ['/foo/bar', 5.3, '@'],
    ['file:../local', 5.4, '@'],
    ['invalidpath', 5.3, undefined],
  ];
  for (const [path, major, want] of cases) {
    it(`${path} (lockfile ${major})`, () => {
      const got = identityFromDepPath(path, major);
      assert.equal(got === undefined ? undefined : `${got.name}@${got.version}`, want);
    });
  }
});
