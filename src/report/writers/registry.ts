import type { ReportWriter } from '../types.js';
import { htmlWriter } from './html/index.js';
import { jsonWriter } from './json/index.js';
import { junitWriter } from './junit/index.js';
import { sarifWriter } from './sarif/index.js';
import { tableWriter } from './table/index.js';

/** Every output format, registered explicitly. A test fails when a folder here is not registered. */
export const WRITERS: ReadonlyMap<string, ReportWriter> = new Map<string, ReportWriter>([
  [tableWriter.id, tableWriter],
  [jsonWriter.id, jsonWriter],
  [sarifWriter.id, sarifWriter],
  [junitWriter.id, junitWriter],
  [htmlWriter.id, htmlWriter],
]);

export function writerIds(): string[] {
  return [...WRITERS.keys()];
}
