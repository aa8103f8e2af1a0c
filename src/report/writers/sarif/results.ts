import type { Finding, Location, Subject, Suppression } from '../../../findings/index.js';
import { subjectText } from '../subject.js';
import { levelOf } from './severity.js';
import type { SarifLocation, SarifLogicalLocation, SarifPhysicalLocation, SarifResult, SarifSuppression } from './types.js';
import { artifactLocationOf, NO_FILE_URI } from './uri.js';

/**
 * Key of our fingerprint in `partialFingerprints` (§3.27.17: "a versioned name"). GitHub matches
 * alerts across runs with it, and our fingerprint ignores line numbers, so alerts survive edits.
 */
export const FINGERPRINT_KEY = 'bosun/v1';

/** One finding as a SARIF result (§3.27). Callers leave out `pass` findings. */
export function resultOf(finding: Finding, ruleIndex: number): SarifResult {
  const result: SarifResult = {
    ruleId: finding.checkId,
    ruleIndex,
    level: levelOf(finding.severity),
    // §3.27.11: the message says what is wrong with which object, since a file can hold many.
    message: { text: `${finding.message} (${subjectText(finding.subject)})` },
    locations: [locationOf(finding.location, finding.subject)],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: { severity: finding.severity, status: finding.status, category: finding.category },
  };
  if (finding.status === 'skip') result.suppressions = [suppressionOf(finding.suppression)];
  return result;
}

/**
 * Every result gets a physical location with a region, even without a source position: GitHub
 * rejects the whole upload otherwise (see uri.ts), and its ingestion rules require `startLine`.
 */
function locationOf(location: Location | undefined, subject: Subject): SarifLocation {
  const physicalLocation: SarifPhysicalLocation = location === undefined
    ? { artifactLocation: { uri: NO_FILE_URI }, region: { startLine: 1, startColumn: 1 } }
    : { artifactLocation: artifactLocationOf(location.file), region: { startLine: atLeastOne(location.line), startColumn: atLeastOne(location.column) } };
  return {
    physicalLocation,
    logicalLocations: [logicalLocationOf(subject)],
    ...(location?.field !== undefined ? { message: { text: location.field } } : {}),
  };
}

/** §3.30.5: lines and columns start at 1; a 0 from a broken position would make GitHub reject the file. */
function atLeastOne(n: number): number {
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * §3.33: the Kubernetes object, as `Kind/namespace/name` (`Kind/name` when cluster-scoped or the
 * namespace is unset). `resource` is the closest of the §3.33.7 kinds; the container, when there
 * is one, is in the message.
 */
function logicalLocationOf(subject: Subject): SarifLogicalLocation {
  const parts = [subject.kind, ...(subject.namespace === undefined ? [] : [subject.namespace]), subject.name];
  return { name: subject.name, fullyQualifiedName: parts.join('/'), kind: 'resource' };
}

/**
 * §3.35: `external` because the exception lives outside the analysed artifact (a `.bosun.yaml`
 * entry, or an annotation Bosun, not the YAML language, interprets). `accepted` because Bosun
 * applied it. GitHub shows suppressed results as dismissed alerts.
 */
function suppressionOf(suppression: Suppression | undefined): SarifSuppression {
  if (suppression === undefined) return { kind: 'external', status: 'accepted', justification: 'skipped' };
  const properties: Record<string, string> = { source: suppression.source };
  if (suppression.owner !== undefined) properties['owner'] = suppression.owner;
  if (suppression.ticket !== undefined) properties['ticket'] = suppression.ticket;
  if (suppression.expires !== undefined) properties['expires'] = suppression.expires;
  return { kind: 'external', status: 'accepted', justification: suppression.reason, properties };
}
