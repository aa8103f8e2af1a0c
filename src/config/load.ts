import { readFile } from 'node:fs/promises';
import type { Exception } from '../exceptions/index.js';
import { BosunError, parseYamlStream } from '../kernel/index.js';
import type { YamlDocument } from '../kernel/index.js';
import { ConfigSchema } from './schema.js';
import type { BosunConfig } from './schema.js';

export const DEFAULT_CONFIG_FILE = '.bosun.yaml';

export interface LoadedConfig {
  config: BosunConfig;
  /** Exemptions as exceptions, each knowing its file and line. */
  exceptions: Exception[];
  file: string | undefined;
}

export const EMPTY_CONFIG: LoadedConfig = { config: {}, exceptions: [], file: undefined };

/**
 * Reads and validates a config file. `required` is false for the implicit `.bosun.yaml` lookup, so a
 * missing default file is not an error while a missing `--config FILE` is.
 */
export async function loadConfig(file: string, required: boolean): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if (!required && cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') return EMPTY_CONFIG;
    throw new BosunError('config.invalid', `cannot read config: ${cause instanceof Error ? cause.message : String(cause)}`, { file, cause });
  }
  return parseConfig(file, text);
}

export function parseConfig(file: string, text: string): LoadedConfig {
  const stream = parseYamlStream(text, { file });
  const first = stream.errors[0];
  if (first !== undefined) throw new BosunError('config.invalid', first.message, { file, ...(first.line !== undefined ? { line: first.line } : {}), ...(first.column !== undefined ? { column: first.column } : {}) });
  const doc = stream.documents[0];
  if (doc === undefined) return { ...EMPTY_CONFIG, file };
  const parsed = ConfigSchema.safeParse(doc.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    const at = doc.locate(path);
    const field = path.length === 0 ? '' : `${path.join('.')}: `;
    throw new BosunError('config.invalid', `invalid config: ${field}${issue?.message ?? 'invalid value'}`, { file, line: at.line, column: at.column });
  }
  return { config: parsed.data, exceptions: exemptionsOf(parsed.data, file, doc), file };
}

function exemptionsOf(config: BosunConfig, file: string, doc: YamlDocument): Exception[] {
  return (config.exemptions ?? []).map((e, i) => ({
    checks: e.checks ?? [],
    namespaces: e.namespaces ?? [],
    names: e.names ?? [],
    kinds: e.kinds ?? [],
    containers: e.containers ?? [],
    fingerprints: e.fingerprints ?? [],
    reason: e.reason,
    ...(e.owner !== undefined ? { owner: e.owner } : {}),
    ...(e.ticket !== undefined ? { ticket: e.ticket } : {}),
    ...(e.expires !== undefined ? { expires: e.expires } : {}),
    source: `${file}:${doc.locate(['exemptions', i]).line}`,
  }));
}
