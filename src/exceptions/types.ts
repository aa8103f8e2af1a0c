/**
 * One exception model for every engine: what it matches, why, who owns it and until when.
 * Matched findings stay in the output as `skip` with the reason; expired exceptions stop applying.
 */
export interface Exception {
  /** Check ids (ours or compatible ones such as `polaris:hostIPCSet`); empty or `*` = every check. */
  checks: string[];
  /** Namespace patterns (`*` and `?` wildcards); empty = any. */
  namespaces: string[];
  /** Resource name patterns; empty = any. */
  names: string[];
  /** Resource kinds; empty = any. */
  kinds: string[];
  /** Finding fingerprints; empty = any. */
  fingerprints: string[];
  /** Containers; empty = any. */
  containers: string[];
  reason: string;
  owner?: string;
  ticket?: string;
  /** Last day the exception applies (`YYYY-MM-DD`, inclusive, UTC). */
  expires?: string;
  /** Where it was declared, e.g. `.bosun.yaml:14` or `annotation bosun.dev/ignore on Deployment web`. */
  source: string;
}
