import { createHash } from 'node:crypto';

/** ref. RFC 9562 §6.6: the predefined URL namespace. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * A name-based UUID (version 5, RFC 9562 §5.5) of `content`: the same document gives the same id,
 * any change gives another. Version 5 rather than 8 because CycloneDX's serialNumber pattern only
 * admits versions 1 to 5.
 */
export function contentUuid(content: string): string {
  const namespace = Buffer.from(URL_NAMESPACE.replace(/-/g, ''), 'hex');
  const name = `https://bosun.dev/sbom/${createHash('sha256').update(content).digest('hex')}`;
  const hash = createHash('sha1').update(namespace).update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * `YYYY-MM-DDThh:mm:ssZ`: SPDX 2.3 §6.9 (Created) allows exactly this form, and it is also a valid
 * RFC 3339 date-time for CycloneDX, so both writers use it.
 */
export function utcSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
