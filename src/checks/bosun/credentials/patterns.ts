import { isPlaceholder } from './placeholders.js';

export type CredentialKind =
  | 'private-key'
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'github-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'google-api-key'
  | 'stripe-key'
  | 'jwt'
  | 'url-password'
  | 'registry-password'
  | 'named-value'
  | 'default-password';

/** A credential found in a value. `secret` is the raw material: mask it before it leaves this module's callers. */
export interface Hit {
  kind: CredentialKind;
  /** Human wording for messages: `AWS access key id`. */
  label: string;
  secret: string;
}

interface ValuePattern {
  kind: CredentialKind;
  label: string;
  /** Global regex; the secret is capture group 1 when the pattern has one, else the whole match. */
  regex: RegExp;
  /** A check the regex cannot express. */
  accept?: (secret: string) => boolean;
}

/**
 * Formats with a recognizable shape, so a match is a credential whatever key it sits under.
 * ref. the issuers' documented token formats (AWS IAM unique id prefixes, GitHub token prefixes,
 * Slack token types, Google API keys, Stripe keys) and RFC 7519 for JWTs.
 */
const VALUE_PATTERNS: readonly ValuePattern[] = [
  { kind: 'aws-access-key-id', label: 'AWS access key id', regex: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g },
  {
    kind: 'github-token',
    label: 'GitHub token',
    regex: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{60,240})(?![A-Za-z0-9_])/g,
  },
  // Real Slack tokens carry numeric team and user ids; `xoxb-your-token` does not.
  { kind: 'slack-token', label: 'Slack token', regex: /(?<![A-Za-z0-9])xox[baprs]-[A-Za-z0-9-]{10,250}/g, accept: (s) => /\d/.test(s) },
  // The webhook path is the credential: whoever has it can post to the channel.
  { kind: 'slack-webhook', label: 'Slack webhook URL', regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9+/_-]{20,})/g },
  { kind: 'google-api-key', label: 'Google API key', regex: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g },
  { kind: 'stripe-key', label: 'Stripe live key', regex: /(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{20,247}(?![A-Za-z0-9])/g },
  { kind: 'jwt', label: 'JSON Web Token', regex: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g, accept: hasJwtHeader },
  // scheme://user:password@host. `@` inside a password must be percent-encoded, so the first `@` ends it.
  { kind: 'url-password', label: 'password in a URL', regex: /\b[a-z][a-z0-9+.-]{1,30}:\/\/[^\s:@/?#]*:([^\s@/?#]+)@[^\s/?#]+/gi },
];

const PEM_PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----/g;
/** Base64 of `-----BEGIN`: PEM files stored base64-encoded (kubeconfig `client-key-data`, Helm values). */
const BASE64_PEM = /LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,}={0,2}/g;
const AWS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/;
/** 40 characters of base64 alphabet with both letter cases: a git SHA (lower-case hex) is not one. */
const AWS_SECRET = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/** Every credential with a recognizable shape in a text. Placeholders (`AKIA...EXAMPLE`) are left out. */
export function valueHits(text: string): Hit[] {
  const hits: Hit[] = [...privateKeyHits(text)];
  for (const match of text.matchAll(BASE64_PEM)) {
    const decoded = Buffer.from(match[0], 'base64').toString('utf8');
    for (const hit of privateKeyHits(decoded)) hits.push({ ...hit, label: `base64-encoded ${hit.label}` });
  }
  for (const pattern of VALUE_PATTERNS) {
    for (const match of text.matchAll(pattern.regex)) {
      const secret = match[1] ?? match[0];
      if (isPlaceholder(secret) || (pattern.accept !== undefined && !pattern.accept(secret))) continue;
      hits.push({ kind: pattern.kind, label: pattern.label, secret });
    }
  }
  return hits;
}

/**
 * PEM private keys with a body: a header followed by a run of base64 (PEM lines are 64 characters),
 * so a header quoted in documentation or followed by `...` does not count.
 */
function privateKeyHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const match of text.matchAll(PEM_PRIVATE_KEY)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf('-----', start);
    const body = /[A-Za-z0-9+/=]{40,}/.exec(text.slice(start, end < 0 ? undefined : end));
    if (body === null) continue;
    const type = (match[1] ?? '').trim();
    hits.push({ kind: 'private-key', label: type === '' ? 'private key' : `${type} private key`, secret: body[0] });
  }
  return hits;
}

export function hasAwsKeyId(text: string): boolean {
  return AWS_KEY_ID.test(text);
}

/** 40-character AWS secret access keys in a text; only call this where an AWS key id or key name makes one likely. */
export function awsSecretHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const match of text.matchAll(AWS_SECRET)) {
    const secret = match[0];
    if (!/[a-z]/.test(secret) || !/[A-Z]/.test(secret) || isPlaceholder(secret)) continue;
    hits.push({ kind: 'aws-secret-access-key', label: 'AWS secret access key', secret });
  }
  return hits;
}

/** A JWT's first segment is base64url JSON naming its algorithm. */
function hasJwtHeader(token: string): boolean {
  const header = token.slice(0, token.indexOf('.'));
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && 'alg' in parsed && typeof parsed.alg === 'string';
  } catch {
    return false;
  }
}
