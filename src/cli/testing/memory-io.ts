import type { CliIo } from '../io.js';

export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

/** A CliIo that records output, for command tests. */
export function memoryIo(options: { stdin?: string | Uint8Array; cwd?: string; now?: Date; env?: Record<string, string> } = {}): MemoryIo {
  let out = '';
  let err = '';
  const stdin = options.stdin ?? '';
  return {
    stdout: { write: (s) => void (out += s), isTTY: false },
    stderr: { write: (s) => void (err += s), isTTY: false },
    readStdin: async () => (typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    now: () => options.now ?? new Date('2026-11-23T12:00:00Z'),
    out: () => out,
    err: () => err,
  };
}
