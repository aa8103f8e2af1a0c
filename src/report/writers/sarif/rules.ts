import type { Finding, Severity } from '../../../findings/index.js';
import { maxSeverity } from '../../../findings/index.js';
import { escapeMarkdown } from './markdown.js';
import { levelOf, securitySeverityOf } from './severity.js';
import type { SarifRule } from './types.js';

/**
 * What a check catalog can add to a rule beyond what findings carry. Optional: without it, rules
 * are described from the findings alone, so the writer works for any engine's findings.
 */
export interface RuleText {
  /** Why the check matters; becomes `fullDescription`. */
  description?: string;
  /** Documentation page for the check. */
  helpUri?: string;
}

export type RuleLookup = (checkId: string) => RuleText | undefined;

export interface RuleTable {
  /** Sorted by id, so the same findings always give the same `ruleIndex` values. */
  rules: SarifRule[];
  indexOf: ReadonlyMap<string, number>;
}

/**
 * GitHub code scanning keeps at most 20 tags per rule (and shows 10); the rest would be dropped
 * in an order we do not control, so we cut, keeping `security` and the category first.
 */
const MAX_TAGS = 20;

/**
 * Config-audit checks read declared fields; they do not guess. GitHub's `precision` scale is
 * `very-high` | `high` | `medium` | `low` and affects ordering in its alert list.
 */
const PRECISION = 'very-high';

interface RuleFacts {
  title: string;
  remediation: string;
  severity: Severity;
  categories: Set<string>;
  compatibleIds: Set<string>;
}

/** One rule per check id among the findings that become results (SARIF §3.19.23 `rules`). */
export function rulesFrom(findings: readonly Finding[], lookup?: RuleLookup): RuleTable {
  const facts = new Map<string, RuleFacts>();
  for (const f of findings) {
    const known = facts.get(f.checkId);
    if (known === undefined) {
      facts.set(f.checkId, { title: f.title, remediation: f.remediation, severity: f.severity, categories: new Set([f.category]), compatibleIds: new Set(f.compatibleIds) });
      continue;
    }
    // A family may raise or lower a check's severity per result; the rule carries the worst, which
    // is what GitHub shows and gates pull requests on.
    known.severity = maxSeverity(known.severity, f.severity);
    if (known.remediation === '') known.remediation = f.remediation;
    known.categories.add(f.category);
    for (const id of f.compatibleIds) known.compatibleIds.add(id);
  }
  const entries = [...facts].sort(([a], [b]) => compareCodeUnits(a, b));
  const rules = entries.map(([id, known]) => ruleOf(id, known, lookup?.(id)));
  return { rules, indexOf: new Map(entries.map(([id], index) => [id, index])) };
}

function ruleOf(id: string, facts: RuleFacts, text: RuleText | undefined): SarifRule {
  const compatibleIds = [...facts.compatibleIds].sort(compareCodeUnits);
  const tags = unique(['security', ...[...facts.categories].sort(compareCodeUnits), ...compatibleIds]).slice(0, MAX_TAGS);
  const remediation = facts.remediation === '' ? `See the documentation for ${id}.` : facts.remediation;
  const markdown = [`**Remediation:** ${escapeMarkdown(remediation)}`];
  if (compatibleIds.length > 0) markdown.push(`**Also reported as:** ${compatibleIds.map(escapeMarkdown).join(', ')}`);
  return {
    id,
    // §3.49.7: a name "understandable to an end user", conventionally PascalCase (`PrivilegedContainer`).
    name: pascalCase(id),
    shortDescription: { text: facts.title },
    fullDescription: { text: text?.description ?? facts.title },
    help: { text: remediation, markdown: markdown.join('\n\n') },
    ...(text?.helpUri !== undefined ? { helpUri: text.helpUri } : {}),
    defaultConfiguration: { level: levelOf(facts.severity) },
    properties: { tags, 'security-severity': securitySeverityOf(facts.severity), precision: PRECISION },
  };
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Locale-independent order, so output does not depend on the machine's locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
