/**
 * Escaping shared by the markup writers (junit, html). Every string that comes from the input —
 * resource names, messages, file paths, exception reasons — goes through one of these.
 */

/**
 * Characters outside the XML 1.0 `Char` production (control characters other than tab, LF and CR,
 * lone surrogates, U+FFFE and U+FFFF). ref. XML 1.0 (Fifth Edition) §2.2. They cannot be written at
 * all, not even as character references, so they are replaced.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** U+FFFD REPLACEMENT CHARACTER: visible, so a reader sees that something was there. */
const REPLACEMENT = '\uFFFD';

/** Replaces characters that XML 1.0 (and, for HTML, the parser's control-character rule) forbids. */
export function replaceInvalidChars(text: string): string {
  return text.replace(NOT_XML_CHAR, REPLACEMENT);
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Attribute values also escape quotes, and whitespace as character references: an XML parser
 * normalizes a literal tab or newline in an attribute to a space (XML 1.0 §3.3.3).
 */
const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes character data (element content). `>` too, so `]]>` can never appear. */
export function escapeXmlText(text: string): string {
  // `\r` as a reference too: parsers turn a literal CR (or CRLF) into LF (XML 1.0 §2.11).
  return replaceInvalidChars(text).replace(/[&<>\r]/g, (c) => (c === '\r' ? '&#13;' : TEXT_ENTITIES[c] ?? c));
}

/** Escapes an attribute value written between double quotes. */
export function escapeXmlAttribute(text: string): string {
  return replaceInvalidChars(text).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes for both HTML text and quoted attribute values (the five characters OWASP lists for
 * HTML contexts). Never use the result inside `<script>`, `<style>` or an unquoted attribute.
 */
export function escapeHtml(text: string): string {
  return replaceInvalidChars(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}
