/**
 * The contract every ImageSource keeps (STYLE: one contract test per family): archives here, the
 * registry client elsewhere. An implementation's test supplies a factory that serves given layer
 * blobs, optionally with one blob's stored bytes tampered (same size, different content).
 */
import assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { BosunError } from '../../../kernel/index.js';
import type { ImageSource } from '../source.js';
import { buildTar, gzip, sha256 } from './layer-tar.js';

export interface ContractImage {
  /** Layer blobs as they should be stored, bottom first (gzipped or plain tars). */
  layers: readonly Buffer[];
  /** Index of a layer whose stored bytes must differ from what its digest says. */
  tamper?: number;
}

export type ImageSourceFactory = (image: ContractImage) => Promise<ImageSource>;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** Flips one byte in the middle of a blob: same size, so only the digest can tell. */
export function tampered(blob: Buffer): Buffer {
  const copy = Buffer.from(blob);
  const at = Math.floor(copy.length / 2);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

export function describeImageSourceContract(name: string, factory: ImageSourceFactory): void {
  describe(`ImageSource contract: ${name}`, () => {
    const layers = async (): Promise<Buffer[]> => [
      await buildTar([{ name: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.19.1\n' }]),
      gzip(await buildTar([{ name: 'lib/apk/db/installed', content: 'P:musl\nV:1.2.4-r2\n\n' }])),
    ];

    it('lists layers bottom first with digest and size, and streams each as stored', async () => {
      const blobs = await layers();
      const source = await factory({ layers: blobs });
      try {
        assert.deepEqual(
          source.layers.map((l) => [l.digest, l.size]),
          blobs.map((b) => [sha256(b), b.length]),
        );
        for (const [i, layer] of source.layers.entries()) assert.ok((await bytesOf(await source.openLayer(layer))).equals(blobs[i] ?? Buffer.alloc(0)));
        assert.ok(source.name !== '');
      } finally {
        await source.close();
      }
    });

    it('errors with a BosunError when a blob does not match its digest', async () => {
      const source = await factory({ layers: await layers(), tamper: 0 });
      try {
        const [first] = source.layers;
        assert.ok(first !== undefined);
        await assert.rejects(
          (async () => bytesOf(await source.openLayer(first)))(),
          (error: unknown) => error instanceof BosunError && error.message.includes(first.digest),
        );
      } finally {
        await source.close();
      }
    });

    it('closes idempotently', async () => {
      const source = await factory({ layers: await layers() });
      await source.close();
      await source.close();
    });
  });
}
