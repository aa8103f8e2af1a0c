import type { z } from 'zod';
import { BosunError } from '../../kernel/index.js';
import type { ArchiveFiles } from './archive-files.js';
import { verifyBytes } from './verify-digest.js';

/** Manifests, indexes and configs are kilobytes; a bigger one is not what it claims. */
const MAX_JSON = 8 * 1024 * 1024;

/** An archive's JSON file, digest-checked when a descriptor names it, and validated. */
export async function readArchiveJson<T extends z.ZodType>(files: ArchiveFiles, path: string, schema: T, digest?: string): Promise<z.infer<T>> {
  const bytes = await files.read(path, MAX_JSON);
  if (digest !== undefined) verifyBytes(bytes, digest, files.where);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new BosunError('input.json', `${path}: not JSON (${error instanceof Error ? error.message : String(error)})`, { file: files.where, cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new BosunError('input.json', `${path}: unexpected content${at}: ${issue?.message ?? 'invalid'}`, { file: files.where });
  }
  return parsed.data;
}
