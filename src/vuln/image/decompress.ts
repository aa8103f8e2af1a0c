import { Readable, Transform, pipeline } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BosunError } from '../../kernel/index.js';
import type { LayerLimits } from './limits.js';

export interface TarBytesOptions {
  digest: string;
  mediaType: string;
  /** The layer blob as stored. */
  blob: Readable;
  limits: LayerLimits;
  /** Called as stored (compressed) bytes go by, with the running total. */
  onBlobBytes?: (total: number) => void;
}

/** Magic numbers of the compressions layers have used, checked before trusting the media type. */
const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const XZ = [0xfd, 0x37, 0x7a, 0x58, 0x5a];
const BZIP2 = [0x42, 0x5a, 0x68];

/**
 * The layer's uncompressed tar bytes. Compression is recognised by magic bytes, since archives
 * mislabel it (docker save says `tar` for whatever it holds). Uncompressed size and compression
 * ratio are metered as they go, so a decompression bomb fails after a few MiB of input and
 * nothing is buffered.
 */
export async function openTarBytes(options: TarBytesOptions): Promise<Readable> {
  const { head, body } = await peek(options.blob, 8);
  const compression = compressionOf(head, options.mediaType);
  if (compression === 'zstd') {
    body.destroy();
    throw new BosunError('input.read', `layer ${options.digest}: zstd-compressed layers are not supported on Node 20 (no zstd in node:zlib); re-push the image with gzip layers`);
  }
  if (compression !== 'gzip' && compression !== 'none') {
    body.destroy();
    throw new BosunError('input.read', `layer ${options.digest}: ${compression}-compressed layers are not supported`);
  }
  const meter = new ByteMeter(options.digest, options.limits, options.onBlobBytes);
  const stages: NodeJS.ReadWriteStream[] = compression === 'gzip' ? [meter.blob, createGunzip(), meter.tar] : [meter.blob, meter.tar];
  // pipeline destroys every stage with the first error, so it reaches the tar bytes' reader.
  pipeline([body, ...stages], () => undefined);
  return meter.tar;
}

type Compression = 'gzip' | 'zstd' | 'xz' | 'bzip2' | 'none';

function compressionOf(head: Buffer, mediaType: string): Compression {
  const starts = (magic: number[]): boolean => magic.every((byte, i) => head[i] === byte);
  if (starts(GZIP)) return 'gzip';
  if (starts(ZSTD) || mediaType.endsWith('+zstd')) return 'zstd';
  if (starts(XZ)) return 'xz';
  if (starts(BZIP2)) return 'bzip2';
  return 'none';
}

/** Counts stored and uncompressed bytes and enforces the layer limits between them. */
class ByteMeter {
  blobBytes = 0;
  tarBytes = 0;
  readonly blob: Transform;
  readonly tar: Transform;

  constructor(digest: string, limits: LayerLimits, onBlobBytes: ((total: number) => void) | undefined) {
    this.blob = counting((n) => {
      this.blobBytes += n;
      onBlobBytes?.(this.blobBytes);
      return undefined;
    });
    this.tar = counting((n) => {
      this.tarBytes += n;
      if (this.tarBytes > limits.maxLayerBytes) {
        return new BosunError('input.too-large', `layer ${digest}: more than ${limits.maxLayerBytes} uncompressed bytes (limit maxLayerBytes)`);
      }
      if (this.tarBytes > limits.ratioGrace && this.tarBytes > limits.maxCompressionRatio * Math.max(this.blobBytes, 1)) {
        return new BosunError(
          'input.too-large',
          `layer ${digest}: ${this.tarBytes} uncompressed bytes from ${this.blobBytes} stored bytes, over the ${limits.maxCompressionRatio}:1 compression ratio limit (decompression bomb?)`,
        );
      }
      return undefined;
    });
  }
}

function counting(onBytes: (n: number) => BosunError | undefined): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const problem = onBytes(chunk.length);
      if (problem !== undefined) callback(problem);
      else callback(null, chunk);
    },
  });
}

/**
 * The first `size` bytes of a stream, and a stream of all its bytes (those included). Pulls through
 * the async iterator rather than unshift(), which misbehaves once the source has ended.
 */
async function peek(stream: Readable, size: number): Promise<{ head: Buffer; body: Readable }> {
  const iterator: AsyncIterator<unknown> = stream[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    const chunk = toBuffer(next.value);
    parts.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(parts);
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (done) return;
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield toBuffer(next.value);
    } finally {
      await iterator.return?.();
    }
  }
  return { head: head.subarray(0, size), body: Readable.from(rest(), { objectMode: false }) };
}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'string') return Buffer.from(value);
  throw new BosunError('internal', 'layer stream yielded something other than bytes');
}
