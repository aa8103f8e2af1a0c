/**
 * One error family for all of Bosun, with a closed set of codes.
 * Entry points map codes to exit statuses and messages; nothing else inspects `message`.
 */
export type ErrorCode =
  | 'input.read'
  | 'input.yaml'
  | 'input.json'
  | 'input.binary'
  | 'input.empty'
  | 'input.too-large'
  | 'input.resource'
  | 'config.invalid'
  | 'usage'
  | 'output.write'
  | 'internal';

export interface ErrorContext {
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  cause?: unknown;
}

export class BosunError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(code: ErrorCode, message: string, context: ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = 'BosunError';
    this.code = code;
    this.file = context.file;
    this.line = context.line;
    this.column = context.column;
  }

  /** `file:line:column: message`, the form editors and CI logs turn into links. */
  describe(): string {
    return formatLocated(this.message, this.file, this.line, this.column);
  }
}

export function formatLocated(message: string, file?: string, line?: number, column?: number): string {
  if (file === undefined) return message;
  let where = file;
  if (line !== undefined) where += `:${line}`;
  if (line !== undefined && column !== undefined) where += `:${column}`;
  return `${where}: ${message}`;
}

export function isBosunError(value: unknown): value is BosunError {
  return value instanceof BosunError;
}

/** A readable one-liner for anything thrown, for places that must never show a stack. */
export function describeUnknown(value: unknown): string {
  if (value instanceof BosunError) return value.describe();
  if (value instanceof Error) return value.message;
  return String(value);
}
