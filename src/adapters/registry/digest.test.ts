import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { BosunError } from '../../kernel/index.js';
import { createVerifyingStream, digestOf, parseDigest, verifyBytes } from './digest.js';

async function drain(chunks: Buffer[], digest: string, size?: number): Promise<Buffer> {
  const out: Buffer[] = [];
  const verifier = Readable.from(chunks).pipe(createVerifyingStream({ digest, ...(size === undefined ? {} : { size }), what: 'blob' }));
  for await (const chunk of verifier) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

describe('digests', () => {
  const data = Buffer.from('hello, registry');
  const good = digestOf(data);

  it('parses sha256 and sha512 and refuses the rest', () => {
    assert.deepEqual(parseDigest(good), { algorithm: 'sha256', hex: good.slice(7) });
    assert.ok(parseDigest(digestOf(data, 'sha512')));
    for (const bad of ['sha256:ABC', 'md5:abc', 'nocolon', `sha256:${'a'.repeat(63)}`]) assert.equal(parseDigest(bad), undefined);
  });

  it('verifies bytes', () => {
    verifyBytes(data, good, 'x');
    verifyBytes(data, digestOf(data, 'sha512'), 'x');
    assert.throws(() => verifyBytes(Buffer.from('other'), good, 'the thing'), /the thing: digest mismatch, expected sha256:/);
    assert.throws(() => verifyBytes(data, 'md5:00', 'the thing'), (e: unknown) => e instanceof BosunError && /unsupported or malformed digest/.test(e.message));
  });

  it('passes verified streams through and fails bad ones at the end or on excess size', async () => {
    assert.deepEqual(await drain([data.subarray(0, 5), data.subarray(5)], good, data.length), data);
    assert.deepEqual(await drain([data], good), data);
    await assert.rejects(drain([data, Buffer.from('!')], good), (e: unknown) => e instanceof BosunError && /blob: digest mismatch/.test(e.message));
    await assert.rejects(drain([data, Buffer.from('!')], good, data.length), /more than the 15 bytes its descriptor declares/);
    await assert.rejects(drain([data], good, data.length + 1), /15 bytes, but its descriptor declares 16/);
  });
});
