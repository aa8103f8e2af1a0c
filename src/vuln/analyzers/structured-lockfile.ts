import type { z } from 'zod';
import { parseYamlStream } from '../../kernel/index.js';
import type { YamlDocument } from '../../kernel/index.js';
import type { AnalyzerOutput, Package } from '../inventory/index.js';
import { firstIssue } from './schema-issue.js';

/**
 * Read/validate/wrap-errors steps shared by the structured (JSON, TOML, YAML) lockfile analyzers.
 * Plugins never import each other, so this sits one level up; each analyzer stays a plain object
 * satisfying FileAnalyzer and calls these helpers from its `analyze`.
 */

/** What a lockfile parser returns when the file cannot be read: an optional 1-based line and a reason. */
export interface ParseFailure {
  ok: false;
  line?: number;
  message: string;
}

/** The analyzer output for a lockfile that could not be read: no packages, one error at `path`. */
export function failureOutput(path: string, failure: ParseFailure): AnalyzerOutput {
  return { packages: [], errors: [{ path, ...(failure.line !== undefined ? { line: failure.line } : {}), message: failure.message }] };
}

/** The analyzer output for a parse result with one package per entry (or the failure, wrapped). */
export function entriesOutput<E>(
  path: string,
  parsed: { ok: true; entries: readonly E[] } | ParseFailure,
  toPackage: (entry: E) => Package,
): AnalyzerOutput {
  if (!parsed.ok) return failureOutput(path, parsed);
  return { packages: parsed.entries.map((entry) => toPackage(entry)), errors: [] };
}

export interface JsonDocumentMessages {
  /** Reason given when the file holds no document at all (default `empty document`). */
  empty?: string;
  /** Prefix of the reason given when the document does not match the schema (`unexpected composer.lock content`). */
  unexpected: string;
}

export type JsonDocumentResult<T> = { ok: true; data: T; document: YamlDocument } | ParseFailure;

/**
 * Parses `text` as strict JSON (with source positions) and validates its first document against a
 * zod schema; a syntax error or the first schema issue becomes a failure with its line.
 */
export function readJsonDocument<T>(text: string, file: string, schema: z.ZodType<T>, messages: JsonDocumentMessages): JsonDocumentResult<T> {
  const stream = parseYamlStream(text, { file, json: true });
  const error = stream.errors[0];
  const document = stream.documents[0];
  if (error !== undefined || document === undefined) {
    return { ok: false, ...(error?.line !== undefined ? { line: error.line } : {}), message: error?.message ?? messages.empty ?? 'empty document' };
  }
  const checked = schema.safeParse(document.value);
  if (!checked.success) {
    const issue = firstIssue(checked.error);
    return { ok: false, line: document.locate(issue.path).line, message: `${messages.unexpected}: ${issue.message}` };
  }
  return { ok: true, data: checked.data, document };
}
