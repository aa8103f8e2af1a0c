import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChallenges, pickChallenge } from './challenge.js';

describe('parseChallenges', () => {
  it('reads a Docker Hub bearer challenge', () => {
    const [c] = parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"');
    assert.deepEqual(c, {
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull' },
    });
  });

  it('keeps commas and escaped quotes inside quoted values', () => {
    const [c] = parseChallenges('Bearer realm="https://a/token", scope="repository:x/y:pull,push", error="insufficient_scope", note="say \\"hi\\""');
    assert.equal(c?.params['scope'], 'repository:x/y:pull,push');
    assert.equal(c?.params['error'], 'insufficient_scope');
    assert.equal(c?.params['note'], 'say "hi"');
  });

  it('reads several challenges and unquoted values', () => {
    const all = parseChallenges('Basic realm="Registry Realm", Bearer realm=https://t/x,service=reg');
    assert.deepEqual(all.map((c) => c.scheme), ['basic', 'bearer']);
    assert.equal(all[1]?.params['realm'], 'https://t/x');
    assert.equal(all[1]?.params['service'], 'reg');
    assert.equal(pickChallenge(all)?.scheme, 'bearer');
  });

  it('is case-insensitive for scheme and parameter names and survives junk', () => {
    const [c] = parseChallenges('BASIC Realm="r"');
    assert.deepEqual(c, { scheme: 'basic', params: { realm: 'r' } });
    assert.deepEqual(parseChallenges(''), []);
    assert.equal(parseChallenges('=x, "oops" Bearer realm="unterminated').at(-1)?.params['realm'], 'unterminated');
    assert.equal(pickChallenge(parseChallenges('Negotiate abc')), undefined);
  });
});
