import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeProblems, quoteList } from './detail.js';
import type { PssProblem } from './types.js';

const ISSUE = 'must not set runAsUser=0';

function problem(subject: PssProblem['subject'], issue: string, container?: string): PssProblem {
  return { facet: 'run-as-user-root', subject, issue, path: [], ...(container !== undefined ? { container } : {}) };
}

describe('describeProblems', () => {
  it('names the pod and the containers sharing an issue in one sentence', () => {
    const text = describeProblems([problem('pod', ISSUE), problem('container', ISSUE, 'a'), problem('container', ISSUE, 'b')]);
    assert.equal(text, 'pod and containers "a", "b" must not set runAsUser=0');
  });
  it('keeps different issues apart and standalone issues bare', () => {
    const text = describeProblems([problem('container', ISSUE, 'a'), problem('other', 'hostPID=true'), problem('pod-or-container', 'must set x', 'c')]);
    assert.equal(text, 'container "a" must not set runAsUser=0; hostPID=true; pod or container "c" must set x');
  });
  it('quotes like Go %q', () => {
    assert.equal(quoteList(['a b', 'c"d']), '"a b", "c\\"d"');
  });
});
