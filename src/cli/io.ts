/** Where a command reads and writes. Injected so commands are testable without a process. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  readStdin(): Promise<Uint8Array>;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  now(): Date;
}

export interface OutputStream {
  write(text: string): void;
  isTTY?: boolean;
}

/** Colour when writing to a terminal, unless NO_COLOR is set (no-color.org) or --no-color given. */
export function useColour(io: CliIo, stream: OutputStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}
