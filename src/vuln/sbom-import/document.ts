import type { z } from 'zod';
import { BosunError } from '../../kernel/index.js';
import type { ErrorCode, PathSegment, SourcePosition, YamlDocument } from '../../kernel/index.js';
import type { AnalyzerError } from '../inventory/index.js';

/** One parsed SBOM file: its value (JSON-shaped, whatever the serialisation), and how to point into it. */
export interface SbomDocument {
  file: string;
  value: unknown;
  /** Where a field is; undefined for serialisations read without positions (XML). */
  locate(path: readonly PathSegment[]): SourcePosition | undefined;
  /** Warnings still given a line; see warningAt. */
  linesLeft: number;
  /** Code of the errors about this document's content. */
  errorCode: ErrorCode;
}

/**
 * Locating a field walks the document's events from its parent, so each lookup costs up to the
 * document's size; past this many warnings (an SBOM full of components we cannot place) the rest
 * are reported without a line to keep reading linear.
 */
export const LOCATED_WARNINGS = 100;

export function jsonDocument(file: string, parsed: YamlDocument): SbomDocument {
  return { file, value: parsed.value, locate: (path) => parsed.locate(path), linesLeft: LOCATED_WARNINGS, errorCode: 'input.json' };
}

/** The kernel has no XML error code; `input.read` ("could not read the input") is the nearest. */
export function xmlDocument(file: string, value: unknown): SbomDocument {
  return { file, value, locate: () => undefined, linesLeft: 0, errorCode: 'input.read' };
}

/** A warning about one element, at its line while the budget lasts, for the inventory's `errors`. */
export function warningAt(doc: SbomDocument, path: readonly PathSegment[], message: string): AnalyzerError {
  if (doc.linesLeft <= 0) return { path: doc.file, message };
  doc.linesLeft--;
  const line = doc.locate(path)?.line;
  return { path: doc.file, ...(line !== undefined ? { line } : {}), message };
}

/**
 * Validates the parts of a document the reader uses, and turns the first problem into an input
 * error at the offending field (ref. STYLE rule 5: validate external input at the edge).
 */
export function checked<T extends z.ZodType>(schema: T, doc: SbomDocument, what: string): z.infer<T> {
  const result = schema.safeParse(doc.value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).filter((p): p is PathSegment => typeof p === 'string' || typeof p === 'number');
  const where = path.length > 0 ? ` at ${path.join('.')}` : '';
  throw new BosunError(doc.errorCode, `invalid ${what}${where}: ${issue?.message ?? 'unexpected shape'}`, { file: doc.file, ...doc.locate(path) });
}
