import type { Severity } from '../../../findings/index.js';
import type { SarifLevel } from './types.js';

/**
 * SARIF §3.27.10 levels: `error` is "a serious problem", `warning` "a problem", `note` "a minor
 * problem or an opportunity for improvement". GitHub fails a pull-request check on `error` by default.
 */
const LEVELS: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/**
 * GitHub code scanning reads `properties['security-severity']` on a rule as a decimal string in
 * 0.0–10.0 and buckets it like CVSS v3: 9.0+ critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low,
 * 0.0 none. Each value sits inside its bucket, away from the edges, so rounding never moves it.
 */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

export function levelOf(severity: Severity): SarifLevel {
  return LEVELS[severity];
}

export function securitySeverityOf(severity: Severity): string {
  return SECURITY_SEVERITY[severity];
}
