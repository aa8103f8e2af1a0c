import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BosunError } from '../kernel/index.js';
import type { CliIo } from './io.js';

/**
 * Writes a report to stdout or to a file. Files are written to a temporary sibling and renamed,
 * so a reader never sees half a report and a failure leaves the previous file intact.
 */
export async function writeOutput(io: CliIo, text: string, file: string | undefined): Promise<void> {
  if (file === undefined || file === '-') {
    io.stdout.write(text);
    return;
  }
  const target = resolve(io.cwd, file);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { mode: 0o644 });
    await rename(temp, target);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new BosunError('output.write', `cannot write report: ${cause instanceof Error ? cause.message : String(cause)}`, { file, cause });
  }
}
