/** One scale for every engine. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Outcome of one rule on one subject. `error` means it could not be evaluated, which is not `fail`. */
export type RuleStatus = 'pass' | 'fail' | 'warn' | 'error' | 'skip';

/** A Kubernetes object (and optionally one of its containers) that a finding is about. */
export interface ResourceSubject {
  type: 'resource';
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  container?: string;
}

/** What a finding is about. Later engines add image/package, node and event subjects. */
export type Subject = ResourceSubject;

export interface Location {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Dotted field path the finding points at, e.g. `spec.template.spec.containers[0].securityContext`. */
  field?: string;
}

/** Why a finding was not counted: an exception, an ignore annotation or a family's own override. */
export interface Suppression {
  /** Where the exception came from, e.g. `.bosun.yaml:14` or `annotation bosun.dev/ignore`. */
  source: string;
  reason: string;
  owner?: string;
  ticket?: string;
  expires?: string;
}

export interface Finding {
  /** Our stable kebab-case check id. */
  checkId: string;
  /** Ids of the other tools' rules this finding covers, e.g. `polaris:runAsPrivileged`, `kubeaudit:PrivilegedTrue`. */
  compatibleIds: string[];
  title: string;
  severity: Severity;
  category: string;
  message: string;
  remediation: string;
  subject: Subject;
  location?: Location;
  status: RuleStatus;
  /** Stable hash of check + subject: survives re-runs, reformatting and line moves. */
  fingerprint: string;
  suppression?: Suppression;
}
