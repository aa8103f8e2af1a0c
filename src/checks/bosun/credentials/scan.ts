import { dockerConfigHits } from './docker.js';
import { isAwsSecretKeyName, isCredentialName } from './keys.js';
import { mask } from './mask.js';
import type { CredentialKind, Hit } from './patterns.js';
import { awsSecretHits, hasAwsKeyId, valueHits } from './patterns.js';
import { isDefaultPassword, isPlaceholder } from './placeholders.js';

/** A named value to scan: an env var, a ConfigMap key, a Secret key. */
export interface Entry {
  name: string;
  value: string;
}

/** A credential in a form safe to print. */
export interface Detection {
  kind: CredentialKind;
  label: string;
  masked: string;
}

/**
 * Detections per entry, in entry order. Entries of one container, ConfigMap or Secret are scanned
 * together: an AWS access key id in one makes a 40-character value in another an AWS secret key.
 */
export function scanEntries(entries: readonly Entry[]): Detection[][] {
  const awsNearby = entries.some((e) => hasAwsKeyId(e.value));
  return entries.map((entry) =>
    uniqueBySecret(scanEntry(entry, awsNearby)).map((hit) => ({ kind: hit.kind, label: hit.label, masked: mask(hit.secret) })),
  );
}

/**
 * Shapes first (they hold whatever the key), then the entry's own name, then `key=value` pairs inside
 * the value: properties, .env and YAML files, connection strings, JSON, `-Dx.password=` flags.
 */
function scanEntry(entry: Entry, awsNearby: boolean): Hit[] {
  const aws = awsNearby || hasAwsKeyId(entry.value);
  const hits: Hit[] = [...valueHits(entry.value), ...dockerConfigHits(entry.value)];
  hits.push(...namedHits(entry, aws, hits, false));
  for (const pair of pairsIn(entry.value)) hits.push(...namedHits(pair, aws, hits, true));
  return hits;
}

/** `inner`: the pair sits inside the entry's value, so the label names its key. */
function namedHits({ name, value }: Entry, awsNearby: boolean, known: readonly Hit[], inner: boolean): Hit[] {
  if (awsNearby || isAwsSecretKeyName(name)) {
    const aws = awsSecretHits(value);
    if (aws.length > 0) return aws;
  }
  // `Bearer <token>` is how Authorization values are written; the token is the secret.
  const secret = value.trim().replace(/^(?:Bearer|Basic|Token)\s+/i, '');
  if (!isCredentialName(name) || !looksLikeSecret(secret) || (inner && looksLikeCode(secret))) return [];
  // Already reported by its shape (`token: ghp_...`): one finding per secret.
  if (known.some((h) => (h.secret.length >= 8 ? secret.includes(h.secret) : secret === h.secret))) return [];
  const under = inner ? ` for ${name}` : '';
  return isDefaultPassword(secret)
    ? [{ kind: 'default-password', label: `well-known default password${under}`, secret }]
    : [{ kind: 'named-value', label: `hard-coded credential${under}`, secret }];
}

/**
 * Could this be a credential, given that its key says so? Excludes what such keys hold when they do
 * not hold the credential: placeholders and references, flags, counts and durations (`MAX_TOKENS=4096`),
 * file paths and URLs (the credential lives there), YAML syntax (`|`, `{`, anchors, `!tags`), prose.
 * Passphrases with spaces are missed.
 */
function looksLikeSecret(text: string): boolean {
  if (isPlaceholder(text) || /\s/.test(text)) return false;
  if (/^(?:true|false|yes|no|on|off|enabled?|disabled?)$/i.test(text)) return false;
  if (/^\d+(?:\.\d+)?(?:ms|s|m|h|d)?$/.test(text) && !isDefaultPassword(text)) return false;
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(text)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return false;
  return !/^(?:[|>][+-]?\d?|[[{].*|[&*!][\w-]+)$/.test(text);
}

/**
 * Inside scripts and code a `password = ...` usually assigns a variable, not a literal: shell expansions
 * (`$(cat /run/secrets/db)`, `$DB_PASS`), calls and indexing (`os.environ["DB_PASSWORD"]`), attribute
 * paths (`process.env.DB_PASSWORD`), and names like the key (`password=password`, `token=auth_token`).
 */
function looksLikeCode(text: string): boolean {
  return (
    text.startsWith('$') ||
    /[()[\]{}]/.test(text) ||
    /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(text) ||
    isCredentialName(text)
  );
}

/** `key: value` / `key = value` at a line start: YAML, properties, .env (with `export`), INI, TOML. */
const LINE_PAIR = /^[ \t]*(?:-[ \t]+)?(?:export[ \t]+)?["']?([A-Za-z_][\w.-]*)["']?[ \t]*[:=][ \t]*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s#;]+)/gm;
/** `key=value` inside a line: connection strings (`Password=x;`), query strings, `-Dkey=value` and `--key=value` flags. */
const INLINE_PAIR = /(?:^|[\s;&?,(])(?:--|-D|-)?([A-Za-z_][\w.-]*)=("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s;&,'")]+)/g;
/** `"key": "value"` in JSON on one line. */
const JSON_PAIR = /"([A-Za-z_][\w.-]*)"[ \t]*:[ \t]*"((?:[^"\\\n]|\\.)*)"/g;

function pairsIn(text: string): Entry[] {
  const pairs: Entry[] = [];
  for (const regex of [LINE_PAIR, INLINE_PAIR, JSON_PAIR]) {
    for (const match of text.matchAll(regex)) {
      const name = match[1];
      const raw = match[2];
      if (name === undefined || raw === undefined) continue;
      pairs.push({ name, value: unquote(raw) });
    }
  }
  return pairs;
}

function unquote(raw: string): string {
  // A trailing comma ends the value in JSON, JS objects and argument lists.
  const value = raw.endsWith(',') ? raw.slice(0, -1) : raw;
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]);
  return quoted ? value.slice(1, -1) : value;
}

function uniqueBySecret(hits: readonly Hit[]): Hit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => {
    if (seen.has(hit.secret)) return false;
    seen.add(hit.secret);
    return true;
  });
}
