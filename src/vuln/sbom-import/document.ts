import type { z } from 'zod';
import { BosunError } from '../../kernel/index.js';
import type { PathSegment, YamlDocument } from '../../kernel/index.js';
import type { AnalyzerError } from '../inventory/index.js';

/** One parsed SBOM file: its value, and how to point at a place in it. */
export interface SbomDocument {
  file: string;
  parsed: YamlDocument;
}

/** A warning about one element, at its line, for the inventory's `errors`. */
export function warningAt(doc: SbomDocument, path: readonly PathSegment[], message: string): AnalyzerError {
  return { path: doc.file, line: doc.parsed.locate(path).line, message };
}

/**
 * Validates the parts of a document the reader uses, and turns the first problem into an input
 * error at the offending field (ref. STYLE rule 5: validate external input at the edge).
 */
export function checked<T extends z.ZodType>(schema: T, doc: SbomDocument, what: string): z.infer<T> {
  const result = schema.safeParse(doc.parsed.value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).filter((p): p is PathSegment => typeof p === 'string' || typeof p === 'number');
  const { line, column } = doc.parsed.locate(path);
  const where = path.length > 0 ? ` at ${path.join('.')}` : '';
  throw new BosunError('input.json', `invalid ${what}${where}: ${issue?.message ?? 'unexpected shape'}`, { file: doc.file, line, column });
}
