import type { BosunError, ErrorCode } from './errors.js';

/** A problem with the input that did not stop the run: reported, counted, never silent. */
export interface Diagnostic {
  /** `error` makes the run exit with the input-error status; `warning` is informational. */
  level: 'error' | 'warning';
  code: ErrorCode;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export function diagnosticFrom(error: BosunError, level: Diagnostic['level'] = 'error'): Diagnostic {
  return {
    level,
    code: error.code,
    message: error.message,
    ...(error.file !== undefined ? { file: error.file } : {}),
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(error.column !== undefined ? { column: error.column } : {}),
  };
}
