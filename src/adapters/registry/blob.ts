/**
 * A blob response body as a Node stream that verifies its digest and size on the way through, and
 * gives up when the registry stalls. The stream errors with a BosunError; consumers that read it to
 * the end have verified the content.
 * ref. OCI distribution-spec v1.1 "Pulling blobs" (clients verify the digest of what they receive).
 */
import { Readable, type Transform } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { BosunError, isBosunError } from '../../kernel/index.js';
import { createVerifyingStream } from './digest.js';

export interface BlobStreamOptions {
  digest: string;
  /** From the descriptor; -1 when unknown. */
  size: number;
  /** Names the blob in errors. */
  what: string;
  /** Aborted when the stream stalls for `idleMs` or is closed early, cancelling the download. */
  controller: AbortController;
  idleMs: number;
}

export function verifiedBlobStream(response: Response, options: BlobStreamOptions): Transform {
  const verifier = createVerifyingStream({ digest: options.digest, size: options.size, what: options.what });
  if (response.body === null) {
    verifier.end();
    return verifier;
  }
  const source = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
  // The idle timer runs only while we wait on the network: when the consumer is not reading,
  // pipe() pauses the source (backpressure) and a slow consumer must not look like a stalled registry.
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    if (source.isPaused() || source.readableEnded) return;
    timer = setTimeout(() => {
      options.controller.abort(new BosunError('input.read', `${options.what}: no data for ${options.idleMs} ms, giving up`));
    }, options.idleMs);
    timer.unref();
  };
  source.on('data', arm);
  source.on('resume', arm);
  source.on('pause', () => clearTimeout(timer));
  source.on('end', () => clearTimeout(timer));
  source.on('error', (cause: unknown) => {
    clearTimeout(timer);
    const reason: unknown = options.controller.signal.aborted ? options.controller.signal.reason : cause;
    verifier.destroy(isBosunError(reason) ? reason : new BosunError('input.read', `${options.what}: download failed (${reason instanceof Error ? reason.message : String(reason)})`, { cause: reason }));
  });
  // A consumer that stops early (destroy) cancels the download instead of leaving it running.
  verifier.on('close', () => {
    clearTimeout(timer);
    if (!source.readableEnded) {
      source.destroy();
      options.controller.abort();
    }
  });
  source.pipe(verifier);
  return verifier;
}
