import type { Diagnostic } from '../../kernel/index.js';
import { BosunError, diagnosticFrom, parseYamlStream } from '../../kernel/index.js';
import type { Resource } from '../../k8s/index.js';
import { discoverManifests, STDIN } from './discover.js';
import { decodeManifest, DEFAULT_MAX_FILE_BYTES, readManifestFile } from './read.js';
import { documentsToResources } from './resources.js';

export interface LoadOptions {
  /** Reads standard input when `-` is among the paths. */
  readStdin: () => Promise<Uint8Array>;
  /** @default DEFAULT_MAX_FILE_BYTES */
  maxFileBytes?: number;
}

export interface LoadedManifests {
  resources: Resource[];
  /** Every problem with the input, in file order. Errors here mean the audit was incomplete. */
  diagnostics: Diagnostic[];
  /** Files that were read (including ones with errors). */
  files: string[];
}

/** Loads files, directories and stdin into resources. One bad file never hides the others. */
export async function loadManifests(paths: readonly string[], options: LoadOptions): Promise<LoadedManifests> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const discovered = await discoverManifests(paths);
  const diagnostics: Diagnostic[] = discovered.errors.map((e) => diagnosticFrom(e));
  const resources: Resource[] = [];
  for (const file of discovered.files) {
    const name = file === STDIN ? '<stdin>' : file;
    let text: string;
    try {
      text = file === STDIN ? decodeManifest(await options.readStdin(), name, maxBytes) : await readManifestFile(file, maxBytes);
    } catch (cause) {
      diagnostics.push(diagnosticFrom(cause instanceof BosunError ? cause : new BosunError('input.read', String(cause), { file: name, cause })));
      continue;
    }
    const loaded = loadText(name, text);
    resources.push(...loaded.resources);
    diagnostics.push(...loaded.diagnostics);
  }
  return { resources, diagnostics, files: discovered.files.map((f) => (f === STDIN ? '<stdin>' : f)) };
}

/** Parses one text (a file's content) into resources and diagnostics. */
export function loadText(file: string, text: string): { resources: Resource[]; diagnostics: Diagnostic[] } {
  const json = file.toLowerCase().endsWith('.json');
  const stream = parseYamlStream(text, { file, json });
  const diagnostics = stream.errors.map((e) => diagnosticFrom(e));
  if (stream.documents.length === 0 && stream.errors.length === 0) {
    diagnostics.push(diagnosticFrom(new BosunError('input.empty', 'empty file: no Kubernetes objects in it', { file, line: 1, column: 1 })));
  }
  const converted = documentsToResources(file, stream.documents);
  return { resources: converted.resources, diagnostics: [...diagnostics, ...converted.diagnostics] };
}
