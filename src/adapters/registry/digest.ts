/**
 * Content digests: every manifest and blob is checked against the digest that names it, so a
 * registry, proxy or CDN cannot hand back other bytes unnoticed.
 * ref. OCI image-spec v1.1 descriptor.md "Digests" (algorithm:encoded; sha256 and sha512 registered).
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BosunError } from '../../kernel/index.js';

const ALGORITHMS: Record<string, { node: string; hex: RegExp }> = {
  sha256: { node: 'sha256', hex: /^[a-f0-9]{64}$/ },
  sha512: { node: 'sha512', hex: /^[a-f0-9]{128}$/ },
};

export interface ParsedDigest {
  algorithm: string;
  hex: string;
}

/** Splits and checks `algorithm:hex`; undefined when the algorithm is unknown or the hex malformed. */
export function parseDigest(digest: string): ParsedDigest | undefined {
  const colon = digest.indexOf(':');
  if (colon < 0) return undefined;
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const known = ALGORITHMS[algorithm];
  if (known === undefined || !known.hex.test(hex)) return undefined;
  return { algorithm, hex };
}

/** Like parseDigest, but throws an `input.read` BosunError saying where the digest came from. */
export function requireDigest(digest: string, where: string): ParsedDigest {
  const parsed = parseDigest(digest);
  if (parsed === undefined) throw new BosunError('input.read', `${where}: unsupported or malformed digest "${digest}" (expected sha256:<64 hex> or sha512:<128 hex>)`);
  return parsed;
}

export function digestOf(bytes: Uint8Array, algorithm = 'sha256'): string {
  const known = ALGORITHMS[algorithm];
  if (known === undefined) throw new BosunError('internal', `unsupported digest algorithm ${algorithm}`);
  return `${algorithm}:${createHash(known.node).update(bytes).digest('hex')}`;
}

/** Throws an `input.read` BosunError when `bytes` do not hash to `expected`. */
export function verifyBytes(bytes: Uint8Array, expected: string, what: string): void {
  const { algorithm } = requireDigest(expected, what);
  const actual = digestOf(bytes, algorithm);
  if (actual !== expected) throw mismatch(what, expected, actual);
}

function mismatch(what: string, expected: string, actual: string): BosunError {
  return new BosunError('input.read', `${what}: digest mismatch, expected ${expected} but the content hashes to ${actual}`);
}

export interface VerifyStreamOptions {
  /** The digest the bytes must hash to. */
  digest: string;
  /** Expected byte count, from the descriptor; -1 or undefined when unknown. */
  size?: number;
  /** Names the content in errors: `layer sha256:... of docker.io/library/alpine:3`. */
  what: string;
}

/**
 * A pass-through stream that hashes what flows through it and fails at the end (or as soon as the
 * descriptor's size is exceeded) when the content is not what the digest names.
 */
export function createVerifyingStream(options: VerifyStreamOptions): Transform {
  const { algorithm } = requireDigest(options.digest, options.what);
  const hash: Hash = createHash(ALGORITHMS[algorithm]?.node ?? algorithm);
  const limit = options.size !== undefined && options.size >= 0 ? options.size : undefined;
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (limit !== undefined && seen > limit) {
        callback(new BosunError('input.read', `${options.what}: more than the ${limit} bytes its descriptor declares`));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      const actual = `${algorithm}:${hash.digest('hex')}`;
      if (actual !== options.digest) {
        callback(mismatch(options.what, options.digest, actual));
        return;
      }
      if (limit !== undefined && seen !== limit) {
        callback(new BosunError('input.read', `${options.what}: ${seen} bytes, but its descriptor declares ${limit}`));
        return;
      }
      callback();
    },
  });
}
