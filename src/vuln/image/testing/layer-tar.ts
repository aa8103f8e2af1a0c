/**
 * Builds real layer tars and in-memory image sources for tests (tar-stream pack + zlib), so every
 * test exercises the same bytes a registry or archive would hand over.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import type { Header } from 'tar-stream';
import type { ImageSource, LayerDescriptor } from '../source.js';

export interface TarEntrySpec {
  name: string;
  type?: Header['type'];
  content?: string | Uint8Array;
  linkname?: string;
  mode?: number;
  /** Overrides the size written in the header (for entries without a body). */
  size?: number;
  /** pax extended header records (ref. POSIX pax), e.g. a `path` no ustar header can hold. */
  pax?: Record<string, string>;
}

/** An uncompressed tar of these entries, in this order. */
export async function buildTar(entries: readonly TarEntrySpec[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack) if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  })();
  for (const spec of entries) {
    const body = spec.content === undefined ? undefined : typeof spec.content === 'string' ? Buffer.from(spec.content) : spec.content;
    const header: Header = {
      name: spec.name,
      type: spec.type ?? 'file',
      mode: spec.mode ?? (spec.type === 'directory' ? 0o755 : 0o644),
      size: spec.size ?? body?.length ?? 0,
      mtime: new Date(0),
      linkname: spec.linkname ?? '',
      uid: 0,
      gid: 0,
      uname: '',
      gname: '',
      devmajor: 0,
      devminor: 0,
      ...(spec.pax !== undefined ? { pax: spec.pax } : {}),
    };
    await new Promise<void>((resolve, reject) => {
      const callback = (error?: Error | null): void => (error ? reject(error) : resolve());
      if (body !== undefined) pack.entry(header, body, callback);
      else pack.entry(header, callback);
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export function gzip(bytes: Uint8Array): Buffer {
  return gzipSync(bytes);
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export interface MemorySource extends ImageSource {
  /** Digests passed to openLayer, in call order. */
  opened: string[];
}

/** An ImageSource over blobs in memory; media types follow the bytes (gzip or plain tar). */
export function memorySource(blobs: readonly Uint8Array[], name = 'test/image:latest'): MemorySource {
  const layers: LayerDescriptor[] = blobs.map((blob) => ({
    digest: sha256(blob),
    mediaType: blob[0] === 0x1f && blob[1] === 0x8b ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.oci.image.layer.v1.tar',
    size: blob.length,
  }));
  const opened: string[] = [];
  return {
    name,
    config: { os: 'linux', architecture: 'amd64', diffIds: [] },
    layers,
    opened,
    async openLayer(layer) {
      opened.push(layer.digest);
      const index = layers.findIndex((l) => l.digest === layer.digest);
      const blob = blobs[index];
      if (blob === undefined) throw new Error(`no layer ${layer.digest}`);
      // Small chunks, so streaming code meets entries split across reads.
      const chunks: Buffer[] = [];
      for (let i = 0; i < blob.length; i += 4096) chunks.push(Buffer.from(blob.subarray(i, i + 4096)));
      return Readable.from(chunks);
    },
    async close() {},
  };
}
