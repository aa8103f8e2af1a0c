import { open } from 'node:fs/promises';
import { BosunError } from '../../kernel/index.js';

/** @default 128 MiB: larger than any real manifest bundle, small enough to bound memory. */
export const DEFAULT_MAX_FILE_BYTES = 128 * 1024 * 1024;

/**
 * Reads a manifest file as UTF-8 text, refusing what cannot be a manifest: files over the size limit
 * (checked before reading) and binary content (NUL bytes, invalid UTF-8).
 */
export async function readManifestFile(file: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (cause) {
    throw new BosunError('input.read', `cannot read: ${cause instanceof Error ? cause.message : String(cause)}`, { file, cause });
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new BosunError('input.too-large', `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-file-size)`, { file });
    }
    const bytes = await handle.readFile();
    return decodeManifest(bytes, file, maxBytes);
  } finally {
    await handle.close();
  }
}

export function decodeManifest(bytes: Uint8Array, file: string, maxBytes: number): string {
  if (bytes.byteLength > maxBytes) {
    throw new BosunError('input.too-large', `input is ${formatBytes(bytes.byteLength)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-file-size)`, { file });
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul >= 0) {
    throw new BosunError('input.binary', `binary file (NUL byte at offset ${nul}), not a YAML or JSON manifest`, { file });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new BosunError('input.binary', 'not valid UTF-8 text, so not a YAML or JSON manifest', { file, cause });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
