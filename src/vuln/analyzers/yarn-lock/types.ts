/** One resolved block of a yarn.lock: several descriptors may share it, it is still one package. */
export interface YarnEntry {
  name: string;
  version: string;
  /** v1 `resolved` / berry `resolution`; carries the commit of a git dependency. */
  resolution?: string;
  /** 1-based line of the block's header. */
  line: number;
}

/** A block that could not be fully read; the rest of the file still is. */
export interface YarnProblem {
  line: number;
  message: string;
}

export type YarnParseResult = { ok: true; entries: YarnEntry[]; problems: YarnProblem[] } | { ok: false; line?: number; message: string };
