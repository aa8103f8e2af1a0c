import type { PolicyResultRecord } from '../types.js';
import type { PolicyReportResult, ReportObjectReference, ReportTimestamp } from './types.js';

/**
 * `kyverno`, not `bosun`: Policy Reporter's dashboards, its Kyverno plugin and most report filters
 * select results by `source: kyverno`. The rules are Kyverno policies evaluated with Kyverno's
 * semantics, so their results belong beside the admission controller's; the report names and the
 * `app.kubernetes.io/managed-by: bosun` label still say who wrote them.
 */
export const REPORT_SOURCE = 'kyverno';

/** One rule result as a report entry. */
export function reportResultOf(record: PolicyResultRecord, timestamp: ReportTimestamp): PolicyReportResult {
  return {
    source: REPORT_SOURCE,
    policy: record.policy,
    rule: record.rule,
    // Kyverno reports a failed rule of an unscored policy (`policies.kyverno.io/scored: "false"`)
    // as `warn`: the policy asks to be told, not to count against the resource.
    result: record.status === 'fail' && !record.scored ? 'warn' : record.status,
    scored: record.scored,
    ...(record.severity === undefined ? {} : { severity: record.severity }),
    ...(record.category === undefined || record.category === '' ? {} : { category: record.category }),
    message: record.message,
    // A copy per result: a shared object would come out as a YAML anchor and aliases.
    timestamp: { ...timestamp },
    resources: [referenceOf(record)],
  };
}

function referenceOf(record: PolicyResultRecord): ReportObjectReference {
  const { apiVersion, kind, name, namespace, uid } = record.resource;
  const reference: ReportObjectReference = { apiVersion, kind, name };
  if (namespace !== undefined) reference.namespace = namespace;
  if (uid !== undefined) reference.uid = uid;
  return reference;
}

/** The run's clock reading as a protobuf Timestamp (whole seconds since the epoch, then nanoseconds). */
export function timestampOf(date: Date): ReportTimestamp {
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
}
