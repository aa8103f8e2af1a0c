/**
 * A minimal ustar writer for test fixtures: regular files only, deterministic (mtime 0), so a
 * test can build an image layer without a tar binary. ref. POSIX.1-1988 ustar header layout.
 */
import { gzipSync } from 'node:zlib';

const BLOCK = 512;

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  const put = (offset: number, length: number, value: string): void => {
    h.write(value, offset, length, 'ascii');
  };
  const octal = (value: number, length: number): string => `${value.toString(8).padStart(length - 1, '0')}\0`;
  put(0, 100, name);
  put(100, 8, octal(0o644, 8));
  put(108, 8, octal(0, 8));
  put(116, 8, octal(0, 8));
  put(124, 12, octal(size, 12));
  put(136, 12, octal(0, 12));
  put(148, 8, '        '); // checksum counts as spaces while it is computed
  put(156, 1, '0');
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  let sum = 0;
  for (const byte of h) sum += byte;
  put(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

/** A tar archive of `files` (path → content), ending with the two zero blocks. */
export function tarFiles(files: Record<string, string | Uint8Array>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    parts.push(header(name, data.length), data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** Gzip with the mtime and OS fields fixed, so the same files give the same digest. */
export function gzipTar(files: Record<string, string | Uint8Array>): Buffer {
  return gzipSync(tarFiles(files), { level: 9 });
}
