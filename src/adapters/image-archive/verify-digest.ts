import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { BosunError } from '../../kernel/index.js';

/** ref. OCI image-spec v1.1 "Descriptors", Digests: `algorithm:encoded`; sha256 and sha512 are registered. */
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}

/** `blobs/<alg>/<encoded>` (ref. image-spec "Image Layout", Blobs); refuses anything that is not a digest. */
export function blobPath(digest: string, where: string): string {
  if (!isDigest(digest)) throw new BosunError('input.read', `${JSON.stringify(digest)} is not a sha256 or sha512 digest`, { file: where });
  return `blobs/${digest.replace(':', '/')}`;
}

/**
 * The stream, checked as it goes by: it errors at its end when the bytes do not hash to `digest`
 * or their count is not `size` (-1: unknown), so a consumer that reads it to the end has verified it.
 */
export function verifyingStream(stream: Readable, digest: string, size: number, where: string): Readable {
  const hash = createHash(digest.startsWith('sha512:') ? 'sha512' : 'sha256');
  let count = 0;
  const verifier = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      hash.update(chunk);
      count += chunk.length;
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      const actual = `${digest.slice(0, digest.indexOf(':'))}:${hash.digest('hex')}`;
      if (size >= 0 && count !== size) callback(mismatch(where, digest, `${count} bytes where the descriptor says ${size}`));
      else if (actual !== digest) callback(mismatch(where, digest, `content hashes to ${actual}`));
      else callback();
    },
  });
  stream.on('error', (error) => verifier.destroy(error));
  // pipe() does not pass destruction upstream: a reader that stops early must not leak the file.
  verifier.on('close', () => stream.destroy());
  return stream.pipe(verifier);
}

/** Checks bytes read whole (manifests, configs) against their descriptor. */
export function verifyBytes(bytes: Uint8Array, digest: string, where: string): void {
  const algorithm = digest.startsWith('sha512:') ? 'sha512' : 'sha256';
  const actual = `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
  if (actual !== digest) throw mismatch(where, digest, `content hashes to ${actual}`);
}

function mismatch(where: string, digest: string, why: string): BosunError {
  return new BosunError('input.read', `blob ${digest}: ${why} (corrupt or tampered archive)`, { file: where });
}
