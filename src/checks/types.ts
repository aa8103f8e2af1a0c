import type { Severity } from '../findings/index.js';
import type { PathSegment } from '../kernel/index.js';
import type { Resource } from '../k8s/index.js';
import type { ResourceIndex } from './resource-index.js';

/** The check families Bosun ships. `bosun` is our own checks beyond the compatible ones. */
export type FamilyId = 'pss' | 'polaris' | 'kubeaudit' | 'bosun';

/** One check as users see it in `bosun checks list` and in findings. */
export interface CheckInfo {
  /** Stable kebab-case id. */
  id: string;
  title: string;
  /** Default severity; a family result may raise or lower it. */
  severity: Severity;
  category: string;
  /** Why it matters, in a sentence or two. */
  description: string;
  /** How to fix it. */
  remediation: string;
  /** Rule ids of other tools this check answers to, e.g. `polaris:hostIPCSet`. */
  compatibleIds: readonly string[];
}

/** Verdict of one family rule on one subject. */
export type ResultStatus = 'pass' | 'fail' | 'warn' | 'skip';

/**
 * What a family reports. The engine turns results into findings, merging results from different
 * families that name the same check and subject into one finding.
 */
export interface CheckResult {
  /** Catalog id of the check this result is about. */
  checkId: string;
  /** The family-native rule id, e.g. `kubeaudit:PrivilegedTrue`. */
  compatibleId: string;
  status: ResultStatus;
  /** Overrides the catalog severity for this result. */
  severity?: Severity;
  message: string;
  resource: Resource;
  container?: string;
  /** Field the result points at, from the resource root. */
  path?: readonly PathSegment[];
  /** Separates several results of one check on one subject (e.g. per capability). */
  discriminator?: string;
  /** For `skip`: why (a family's own override or exemption). */
  skipReason?: string;
}

/** Everything a family may read. Families never touch files, the network or the clock. */
export interface AuditContext {
  resources: readonly Resource[];
  index: ResourceIndex;
  options: AuditOptions;
}

/** Options every family understands; family-specific ones live under their key. */
export interface AuditOptions {
  /** PSS level to enforce when the PSS family runs. @default 'restricted' */
  pssLevel: 'baseline' | 'restricted';
  /** PSS version, `latest` or `v1.N`. @default 'latest' */
  pssVersion: string;
  /** Family-specific configuration, validated by the family. */
  families: Partial<Record<FamilyId, unknown>>;
  /**
   * Whether `pass` results will be shown. Families may skip building them when false, unless they
   * need them themselves (Polaris scores count passes). @default false
   */
  includePassed?: boolean;
}

export interface CheckFamily {
  id: FamilyId;
  /** One line for `bosun checks list`. */
  title: string;
  /** The checks this family can report. Ids may be shared with other families (same fact). */
  checks: readonly CheckInfo[];
  run(context: AuditContext): CheckResult[];
  /** Optional roll-up of this family's results (Polaris scores and grades). */
  summarize?(results: readonly CheckResult[], context: AuditContext): FamilySummary;
}

/** A score with its letter grade. */
export interface Grade {
  score: number;
  grade: string;
  passed: number;
  warnings: number;
  dangers: number;
}

/** Scores per resource, per namespace and overall, as Polaris computes them. */
export interface FamilySummary {
  family: FamilyId;
  overall: Grade;
  byNamespace: Record<string, Grade>;
  byResource: Array<{ kind: string; namespace?: string; name: string } & Grade>;
}
