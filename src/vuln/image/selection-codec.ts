import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { AnalyzerError, Package } from '../inventory/index.js';
import { SELECTION_FORMAT_VERSION } from './layer-cache.js';
import type { AnalyzedFile, LayerEntry, LayerSelection } from './selection.js';

/**
 * A layer selection as bytes for a cache: gzipped JSON, file contents in base64. gzip's CRC-32 and
 * length trailer make a truncated or damaged entry fail to decode instead of decoding wrongly.
 */
export function encodeSelection(selection: LayerSelection): Buffer {
  const entries = selection.entries.map((entry) => (entry.type === 'file' && entry.content !== undefined ? { ...entry, content: Buffer.from(entry.content).toString('base64') } : entry));
  return gzipSync(JSON.stringify({ format: SELECTION_FORMAT_VERSION, digest: selection.digest, entries }));
}

export type DecodedSelection = { ok: true; selection: LayerSelection } | { ok: false; reason: string };

/** Never throws: anything but a well-formed selection of this format is `ok: false` with why. */
export function decodeSelection(bytes: Uint8Array): DecodedSelection {
  let json: unknown;
  try {
    json = JSON.parse(gunzipSync(bytes).toString('utf8'));
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const parsed = StoredSelection.safeParse(json);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'not a layer selection' };
  return { ok: true, selection: { digest: parsed.data.digest, entries: parsed.data.entries.map(toEntry) } };
}

const isPackage = (value: unknown): value is Package =>
  typeof value === 'object' &&
  value !== null &&
  'name' in value &&
  typeof value.name === 'string' &&
  'version' in value &&
  typeof value.version === 'string' &&
  'purl' in value &&
  typeof value.purl === 'string' &&
  'locations' in value &&
  Array.isArray(value.locations);

const AnalyzerErrorSchema = z.object({ path: z.string(), line: z.number().int().optional(), message: z.string() });
const Analyzed = z.object({
  analyzer: z.string(),
  output: z.object({ packages: z.array(z.custom<Package>(isPackage, 'malformed package')), errors: z.array(AnalyzerErrorSchema) }),
});

const StoredEntry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dir'), path: z.string() }),
  z.object({
    type: z.literal('file'),
    path: z.string(),
    size: z.number().int().nonnegative(),
    executable: z.boolean(),
    content: z.string().optional(),
    tooLarge: z.literal(true).optional(),
    analyzed: z.array(Analyzed).optional(),
  }),
  z.object({ type: z.literal('symlink'), path: z.string(), target: z.string() }),
  z.object({ type: z.literal('hardlink'), path: z.string(), target: z.string() }),
  z.object({ type: z.literal('whiteout'), path: z.string() }),
  z.object({ type: z.literal('opaque'), path: z.string() }),
  z.object({ type: z.literal('other'), path: z.string() }),
]);

const StoredSelection = z.object({ format: z.literal(SELECTION_FORMAT_VERSION), digest: z.string(), entries: z.array(StoredEntry) });

/** Drops the `undefined`s zod leaves for absent optionals (exactOptionalPropertyTypes). */
function toEntry(stored: z.infer<typeof StoredEntry>): LayerEntry {
  if (stored.type !== 'file') return stored;
  const content = stored.content === undefined ? undefined : Buffer.from(stored.content, 'base64');
  return {
    type: 'file',
    path: stored.path,
    size: stored.size,
    executable: stored.executable,
    ...(content !== undefined ? { content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength) } : {}),
    ...(stored.tooLarge === true ? { tooLarge: true as const } : {}),
    ...(stored.analyzed !== undefined ? { analyzed: stored.analyzed.map(toAnalyzed) } : {}),
  };
}

function toAnalyzed(stored: z.infer<typeof Analyzed>): AnalyzedFile {
  const errors: AnalyzerError[] = stored.output.errors.map((e) => ({ path: e.path, message: e.message, ...(e.line !== undefined ? { line: e.line } : {}) }));
  return { analyzer: stored.analyzer, output: { packages: stored.output.packages, errors } };
}
