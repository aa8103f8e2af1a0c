import { escapeMarkdown } from '../../writers/sarif/markdown.js';
import { securitySeverityOf } from '../../writers/sarif/severity.js';
import type { SarifRule } from '../../writers/sarif/types.js';
import type { PolicyResultRecord } from '../types.js';

/**
 * A policy without `policies.kyverno.io/severity` still needs a GitHub security severity (rules
 * tagged `security` without one are shown as plain warnings); Kyverno's own library defaults to
 * medium, so we do too.
 */
const DEFAULT_SEVERITY = 'medium';

/** GitHub keeps at most 20 tags per rule; we write at most three. */
const BASE_TAGS = ['security', 'kyverno'];

/** One SARIF rule per policy rule: the id is `policy/rule`, unique because rule names are unique within a policy. */
export function ruleIdOf(record: PolicyResultRecord): string {
  return `${record.policy}/${record.rule}`;
}

export interface PolicyRuleTable {
  /** Sorted by id, so the same results always give the same `ruleIndex` values. */
  rules: SarifRule[];
  indexOf: ReadonlyMap<string, number>;
}

/** The rules the reported results refer to, described from the policy annotations. */
export function rulesOf(reported: readonly PolicyResultRecord[]): PolicyRuleTable {
  const first = new Map<string, PolicyResultRecord>();
  for (const record of reported) if (!first.has(ruleIdOf(record))) first.set(ruleIdOf(record), record);
  const sorted = [...first].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rules = sorted.map(([id, record]) => ruleOf(id, record));
  return { rules, indexOf: new Map(sorted.map(([id], i) => [id, i])) };
}

function ruleOf(id: string, record: PolicyResultRecord): SarifRule {
  const short = record.title !== undefined && record.title !== '' ? `${record.title} (${record.rule})` : `${record.policy}: ${record.rule}`;
  // Policy descriptions are folded YAML prose; one line reads better in GitHub's alert panel.
  const description = (record.description ?? '').replace(/\s+/g, ' ').trim();
  const full = description !== '' ? description : short;
  const tags = record.category !== undefined && record.category !== '' ? [...BASE_TAGS, record.category] : [...BASE_TAGS];
  return {
    id,
    name: record.rule,
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: { text: full, markdown: escapeMarkdown(full) },
    // A validate rule that fails blocks admission under Enforce; that is an error, not a hint.
    defaultConfiguration: { level: 'error' },
    properties: {
      tags,
      'security-severity': securitySeverityOf(record.severity ?? DEFAULT_SEVERITY),
      // Policy rules test declared fields exactly as the admission controller would.
      precision: 'very-high',
    },
  };
}
