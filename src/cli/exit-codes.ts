/** Exit statuses, documented in the README. Distinct so CI can tell "findings" from "broken input". */
export const EXIT = {
  ok: 0,
  /** Findings at or above `--fail-on` (the status is `--exit-code`, 1 by default). */
  findings: 1,
  /** Bad flags or a bad config file: nothing was scanned. */
  usage: 2,
  /** Some input could not be read or parsed; the rest was still scanned and reported. */
  input: 3,
  /** A bug in Bosun. */
  internal: 4,
} as const;
