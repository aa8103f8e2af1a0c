import type { Resource } from '../../../k8s/index.js';
import { asObject } from '../../../k8s/index.js';
import { decodeBase64 } from './decode.js';
import type { LocatedEntry } from './result.js';

/** Plain-text map entries (`data` of a ConfigMap, `stringData` of a Secret). */
export function plainEntries(resource: Resource, field: string): LocatedEntry[] {
  return Object.entries(asObject(resource.object[field]) ?? {}).flatMap(([key, value]) => {
    // Numbers and booleans are invalid in these maps but show what the author wrote; read them as text.
    const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    return text === undefined ? [] : [{ name: key, value: text, path: [field, key], label: `${field}.${key}` }];
  });
}

/**
 * Base64 map entries (`data` of a Secret, `binaryData` of a ConfigMap), decoded. A value that is not
 * base64 is scanned as written: the manifest is invalid, but the text is in the repository all the same.
 * Binary values (keystores, images) cannot be read and are left out.
 */
export function base64Entries(resource: Resource, field: string): LocatedEntry[] {
  return Object.entries(asObject(resource.object[field]) ?? {}).flatMap(([key, value]) => {
    if (typeof value !== 'string') return [];
    const decoded = decodeBase64(value);
    if (decoded === 'binary') return [];
    return [{ name: key, value: decoded?.text ?? value, path: [field, key], label: `${field}.${key}` }];
  });
}
