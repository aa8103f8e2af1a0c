import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BosunError } from '../../../kernel/index.js';
import { readSbom } from '../../../vuln/index.js';
import type { CliIo } from '../../io.js';
import { finish } from './run.js';
import type { SbomOptions } from './run.js';

/** `bosun sbom inspect FILE`: a CycloneDX or SPDX document, Bosun's or another tool's, as an inventory. */
export async function runSbomInspect(file: string, opts: Pick<SbomOptions, 'format' | 'output'>, io: CliIo): Promise<number> {
  const text = await readFile(resolve(io.cwd, file), 'utf8').catch((cause: unknown) => {
    throw new BosunError('input.read', `cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { file, cause });
  });
  const imported = readSbom(text, file);
  io.stderr.write(`bosun: ${file}: ${imported.format} ${imported.specVersion}, ${imported.packages.length} packages\n`);
  const { format: _format, specVersion: _specVersion, unidentified: _unidentified, ...inventory } = imported;
  return await finish(inventory, file, opts, io);
}
