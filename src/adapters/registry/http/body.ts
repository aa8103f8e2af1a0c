/**
 * Reading a whole response body with a byte bound, so a hostile or broken registry cannot make the
 * client buffer gigabytes for a "manifest".
 */
import { BosunError } from '../../../kernel/index.js';

/** @default 4 MiB: the bound distribution itself puts on manifests it accepts. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export async function readBounded(response: Response, maxBytes: number, what: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? '-1');
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(what, maxBytes, declared);
  }
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(what, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(what: string, maxBytes: number, size?: number): BosunError {
  return new BosunError('input.too-large', `${what} is ${size === undefined ? 'larger than' : `${formatBytes(size)}, over`} the ${formatBytes(maxBytes)} limit`);
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** Discards a body we do not need, so the connection can be reused. */
export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
