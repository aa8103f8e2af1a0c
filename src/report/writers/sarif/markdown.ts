/**
 * Escapes text for CommonMark so remediation advice from a rule can never inject links, images or
 * HTML into the GitHub alert page. ref. CommonMark 0.31 §2.4 (any ASCII punctuation may be escaped).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}
