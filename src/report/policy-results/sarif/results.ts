import { fingerprintOf } from '../../../findings/index.js';
import { FINGERPRINT_KEY } from '../../writers/sarif/results.js';
import type { SarifLevel, SarifLocation, SarifResult } from '../../writers/sarif/types.js';
import { artifactLocationOf, NO_FILE_URI } from '../../writers/sarif/uri.js';
import type { PolicyResultRecord } from '../types.js';

/**
 * §3.27: a result is "a condition detected", so only `fail`, `warn` and `error` are results; `pass`
 * and `skip` are not conditions in the resource.
 */
export function isReported(record: PolicyResultRecord): boolean {
  return record.status === 'fail' || record.status === 'warn' || record.status === 'error';
}

/**
 * `fail` → error. `error` (the rule could not be evaluated) → error as well: the resource was not
 * shown to comply, and `bosun policy apply` exits 1 on it just as on a failure. `warn`, and a
 * failure of an unscored policy (reported as `warn` in policy reports too) → warning.
 */
function levelOf(record: PolicyResultRecord): SarifLevel {
  if (record.status === 'warn' || (record.status === 'fail' && !record.scored)) return 'warning';
  return 'error';
}

/** One reported rule result as a SARIF result (§3.27). */
export function resultOf(record: PolicyResultRecord, ruleId: string, ruleIndex: number): SarifResult {
  const { apiVersion, kind, namespace, name } = record.resource;
  const object = [kind, ...(namespace === undefined ? [] : [namespace]), name].join('/');
  const text = record.message.trim() !== '' ? record.message.trim() : `rule ${record.rule} of policy ${record.policy} did not pass`;
  const properties: Record<string, string> = { status: record.status, policy: record.policy, rule: record.rule };
  if (record.severity !== undefined) properties['severity'] = record.severity;
  if (record.category !== undefined) properties['category'] = record.category;
  return {
    ruleId,
    ruleIndex,
    level: levelOf(record),
    // §3.27.11: say which object, since one file holds many.
    message: { text: record.status === 'error' ? `rule could not be evaluated: ${text} (${object})` : `${text} (${object})` },
    locations: [locationOf(record, object)],
    // Policy rule + object, nothing positional: alerts survive edits that move the resource.
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(ruleId, { type: 'resource', apiVersion, kind, name, ...(namespace === undefined ? {} : { namespace }) }) },
    properties,
  };
}

/**
 * The document the resource starts at. Every result needs a physical location with a start line:
 * GitHub rejects the whole upload otherwise (see writers/sarif/uri.ts).
 */
function locationOf(record: PolicyResultRecord, object: string): SarifLocation {
  const at = record.location;
  return {
    physicalLocation: at === undefined
      ? { artifactLocation: { uri: NO_FILE_URI }, region: { startLine: 1, startColumn: 1 } }
      : { artifactLocation: artifactLocationOf(at.file), region: { startLine: Math.max(1, at.line), startColumn: Math.max(1, at.column) } },
    logicalLocations: [{ name: record.resource.name, fullyQualifiedName: object, kind: 'resource' }],
  };
}
