/** A backtick code span on one line: its content is literal in Markdown, so it passes through. */
const CODE_SPAN = /(`[^`\n]+`)/;

/**
 * Escapes text for CommonMark/GFM so remediation advice can never inject links, images, HTML or
 * emphasis into the GitHub alert page, while ordinary prose (`spec.hostNetwork.`) stays readable
 * and the catalog's code spans (`` `securityContext.privileged: false` ``) still render as code.
 * ref. CommonMark 0.31 §2.4 (any ASCII punctuation may be backslash-escaped), §6.1 (code spans).
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(CODE_SPAN)
    .map((part, i) => (i % 2 === 1 ? part : escapeProse(part)))
    .join('');
}

function escapeProse(text: string): string {
  return text
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))
    // Block syntax only counts at the start of a line: headings, list items, setext underlines.
    .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}
