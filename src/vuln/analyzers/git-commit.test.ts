import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commitFromResolution } from './git-commit.js';

describe('commitFromResolution', () => {
  const sha = '0a2d2506c1fe299691fc5db53a2097db3bd615bc';
  const cases: Array<[string, string | undefined]> = [
    [`git+ssh://git@github.com/org/repo.git#${sha}`, sha],
    [`git+ssh://git@github.com:org/repo#${sha}`, sha],
    [`git://github.com/org/repo.git#${sha}`, sha],
    [`ssh://github.com/org/repo.git#${sha}`, sha],
    [`https://dummy-token@github.com/org/repo.git#${sha}`, sha],
    [`github:org/repo#${sha}`, sha],
    [`https://codeload.github.com/org/repo/tar.gz/${sha}`, sha],
    [`name@https://github.com/org/repo.git#commit=${sha}`, sha],
    [`name@https://github.com/org/repo.git#commit:${sha}`, sha],
    [`https://github.com/org/repo#${sha}`, sha],
    [`https://gitlab.com/org/repo/repository/archive.tar.gz?ref=${sha}`, sha],
    // registry tarballs carry a sha1 checksum fragment, which is no commit
    ['https://registry.yarnpkg.com/a/-/a-1.0.0.tgz#e83e3a7e3f300b34cb9d87f615fa0cbf357690ee', undefined],
    ['git+ssh://git@github.com/angular/domino.git', undefined],
    ['1.0.2', undefined],
    ['file:../local', undefined],
    ['', undefined],
    [undefined as unknown as string, undefined],
  ];
  for (const [resolution, commit] of cases) {
    it(`${String(resolution)} → ${commit ?? 'none'}`, () => assert.equal(commitFromResolution(resolution), commit));
  }
});
