import { BosunError } from '../../kernel/index.js';

/**
 * A tar entry name as a root-relative, `/`-separated path ('' for the root itself). Layer tars
 * write `etc/passwd`, `./etc/passwd` or `/etc/passwd` (umoci writes `/` as the first entry); all
 * mean the same file. A `..` component or a NUL byte can only be an attempt to write outside the
 * root, so the whole layer is refused rather than the entry skipped.
 */
export function normalizeEntryName(name: string, layer: string): string {
  if (name.includes('\u0000')) throw hostileEntry(layer, name, 'contains a NUL byte');
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') throw hostileEntry(layer, name, 'has a `..` component that would leave the image root');
    parts.push(part);
  }
  return parts.join('/');
}

export function hostileEntry(layer: string, entry: string, why: string): BosunError {
  return new BosunError('input.read', `layer ${layer}: entry ${JSON.stringify(entry)} ${why} (hostile or corrupt archive; nothing was written)`);
}
