const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Text behind a base64 field (Secret `data`, ConfigMap `binaryData`). `undefined` when the field is not
 * base64 at all; `binary` when it decodes to bytes that are not text (keystores, images), which we cannot read.
 */
export function decodeBase64(value: string): { text: string } | 'binary' | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  const text = Buffer.from(compact, 'base64').toString('utf8');
  // U+FFFD marks invalid UTF-8; control characters other than tab and line breaks mark binary data.
  if (text.includes('\uFFFD') || /[\u0000-\u0008\u000E-\u001F]/.test(text)) return 'binary';
  return { text };
}
