import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOSUN_PROPERTY } from './properties.js';

describe('BOSUN_PROPERTY', () => {
  it('names every property once, in the bosun: namespace (CycloneDX property taxonomy)', () => {
    const names = Object.values(BOSUN_PROPERTY);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^bosun:[a-z]+(:[a-z]+(-[a-z]+)*)+$/);
  });
});
