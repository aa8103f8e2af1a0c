/**
 * Does a key name (env var, ConfigMap key, property) name a credential? Names are split into words
 * (`dbPasswordFile` → db, password, file). A credential word must be the last word or be followed only
 * by words that still name the credential itself (`SECRET_KEY_BASE`, `TOKEN_VALUE`): anything else
 * names something about it (`PASSWORD_FILE`, `SECRET_NAME`, `TOKEN_URL`, `TOKEN_TTL`, `secretKeyRef`).
 */
export function isCredentialName(name: string): boolean {
  const words = wordsOf(name);
  for (let i = words.length - 1; i >= 0; i--) {
    if (isCredentialWordAt(words, i)) return true;
    const word = words[i] ?? '';
    if (!CONTINUATIONS.has(word) && !/^\d+$/.test(word)) return false;
  }
  return false;
}

/** True for names like `aws_secret_access_key`, where a 40-character value is an AWS secret key. */
export function isAwsSecretKeyName(name: string): boolean {
  return wordsOf(name).join('').includes('secretaccesskey');
}

/** Lower-case words of a name, split on punctuation and camelCase humps (`APIKey` → api, key). */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** Credential words, also matched as the tail of a glued word (`dbpassword`, `authtoken`, `clientsecret`). */
const STEMS = [
  'password', 'passwords', 'passwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'privatekey',
  'secretkey', 'credential', 'credentials',
];

/** Short credential words matched only whole: as tails they would hit `compass` or `bypass`. */
const WHOLE_WORDS = new Set(['pass', 'pwd']);

/** `<qualifier> key` pairs that name a secret key (`API_KEY`, `SIGNING_KEY`, Laravel's `APP_KEY`). */
const KEY_QUALIFIERS = new Set(['api', 'private', 'secret', 'signing', 'encryption', 'master', 'session', 'hmac', 'auth', 'app', 'ssh', 'shared', 'cookie']);

/** Words after a credential word that still name the credential itself. */
const CONTINUATIONS = new Set([
  'key', 'value', 'secret', 'token', 'access', 'base', 'string', 'str', 'data', 'b64', 'base64', 'hex', 'raw', 'plain',
  'plaintext', 'text',
]);

function isCredentialWordAt(words: readonly string[], i: number): boolean {
  const word = words[i] ?? '';
  if (WHOLE_WORDS.has(word) || STEMS.some((stem) => word.endsWith(stem))) return true;
  return word === 'key' && KEY_QUALIFIERS.has(words[i - 1] ?? '');
}
