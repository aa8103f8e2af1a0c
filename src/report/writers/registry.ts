import type { ReportWriter } from '../types.js';
import { jsonWriter } from './json/index.js';
import { tableWriter } from './table/index.js';

/** Every output format, registered explicitly. A test fails when a folder here is not registered. */
export const WRITERS: ReadonlyMap<string, ReportWriter> = new Map<string, ReportWriter>([
  [tableWriter.id, tableWriter],
  [jsonWriter.id, jsonWriter],
]);

export function writerIds(): string[] {
  return [...WRITERS.keys()];
}
