import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BosunError } from '../../../kernel/index.js';
import { FILE_ANALYZERS, scanRootfs } from '../../../vuln/index.js';
import type { SbomInventory } from '../../../vuln/index.js';
import { EXIT } from '../../exit-codes.js';
import type { CliIo } from '../../io.js';
import { writeOutput } from '../../output.js';
import { renderInventory } from './render.js';
import type { SbomFormat } from './render.js';

export type SbomTarget = 'rootfs' | 'fs';

export interface SbomOptions {
  /** @default 'table' */
  format: SbomFormat;
  /** Report file; stdout when absent or `-`. */
  output?: string;
  /** @default 256 MiB */
  maxFileSize?: number;
}

/** What each target leaves out of the walk. */
const SKIPS: Readonly<Record<SbomTarget, { skipTopLevel: string[]; skipNames: string[] }>> = {
  rootfs: { skipTopLevel: ['proc', 'sys', 'dev'], skipNames: [] },
  fs: { skipTopLevel: [], skipNames: ['.git'] },
};

export async function runSbom(target: SbomTarget, dir: string, opts: SbomOptions, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  const info = await stat(root).catch((cause: unknown) => {
    throw new BosunError('input.read', `cannot read ${dir}: ${cause instanceof Error ? cause.message : String(cause)}`, { file: dir, cause });
  });
  if (!info.isDirectory()) throw new BosunError('usage', `${dir} is not a directory`);
  const inventory = await scanRootfs({
    root,
    analyzers: FILE_ANALYZERS.values(),
    ...SKIPS[target],
    ...(opts.maxFileSize !== undefined ? { maxFileSize: opts.maxFileSize } : {}),
  });
  return await finish(inventory, dir, opts, io);
}

/**
 * Writes the inventory and reports its problems. Problems are in the JSON too; on stderr as well
 * so a person running the command sees them whatever the format. Exit 3 when there were any.
 */
export async function finish(inventory: SbomInventory, name: string, opts: Pick<SbomOptions, 'format' | 'output'>, io: CliIo): Promise<number> {
  await writeOutput(io, renderInventory(inventory, opts.format, name, io), opts.output);
  for (const error of inventory.errors) io.stderr.write(`bosun: ${error.path}${error.line !== undefined ? `:${error.line}` : ''}: ${error.message}\n`);
  return inventory.errors.length > 0 ? EXIT.input : EXIT.ok;
}
