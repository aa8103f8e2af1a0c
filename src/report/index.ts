export { totalsOf } from './totals.js';
export type { ReportTotals, ReportWriter, ScanReport, WriterOptions } from './types.js';
export { WRITERS, writerIds } from './writers/registry.js';
