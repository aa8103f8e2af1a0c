/**
 * Values that stand for a credential supplied elsewhere, which a tool replaces before use:
 * `${DB_PASS}` (envsubst, Flux, Kustomize replacements), `$(DB_PASS)` (Kubernetes env expansion),
 * `{{ .Values.x }}` (Helm, Jinja), `<password>`, `%PASS%`, `#{pass}` (Spring, Octopus), `@pass@` (Maven).
 */
const TEMPLATE_MARKERS: readonly RegExp[] = [
  /\$\{[^}]*\}/,
  /\$\([A-Za-z_][A-Za-z0-9_]*\)/,
  /\{\{[\s\S]*?\}\}/,
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  /^<[^<>]+>$/,
  /^%[A-Za-z_][A-Za-z0-9_]*%$/,
  /#\{[^}]*\}/,
  /^@[A-Za-z_][\w.]*@$/,
];

/**
 * Pointers into a secret store resolved at run time: SOPS `ENC[...]`, Bank-Vaults `vault:`, vals `ref+...://`,
 * 1Password `op://`, AWS Secrets Manager and SSM ARNs, GCP Secret Manager resource names.
 */
const STORE_REFERENCE = /^(?:ENC\[|vault:|ref\+[a-z0-9]+:\/\/|op:\/\/|arn:aws[\w-]*:(?:secretsmanager|ssm):|projects\/[^/\s]+\/secrets\/)/i;

/** Whole values that mean "nothing here" or "fill me in". */
const EMPTY_LIKE = new Set([
  '', 'null', 'nil', 'none', 'undefined', 'n/a', 'na', '-', '~', 'tbd', 'todo', 'fixme', 'redacted', 'placeholder',
  'replaceme', 'replace-me', 'replace_me', 'notset', 'not-set', 'not_set', 'unset', 'empty', 'dummy', 'fake', 'sample',
]);

/** Shapes of the same intent: masks (`****`, `xxxx`), the AWS docs' `...EXAMPLE` keys, `your-token-here`. */
const MARKER_PATTERNS: readonly RegExp[] = [
  /^(.)\1{2,}$/,
  /example/i,
  /redacted/i,
  /(?:^|[-_ .])your[-_ .]/i,
  /^(?:insert|enter|put|paste|add)[-_ ]/i,
  /[-_ ](?:here|goes[-_ ]here)$/i,
  /^replace[-_ ]?(?:me|with)/i,
];

export function isReference(value: string): boolean {
  const text = value.trim();
  return TEMPLATE_MARKERS.some((re) => re.test(text)) || STORE_REFERENCE.test(text);
}

/**
 * True when the value is no credential: empty, a reference, a mask or a fill-me-in marker.
 *
 * Decision: well-known defaults such as `changeme`, `changeit`, `admin` or `password` are NOT placeholders.
 * Applied as they are, they become the real password, and they are the first ones an attacker tries
 * (`changeme` was Elasticsearch's actual default). They are reported as well-known default passwords.
 * Markers that read as instructions (`REPLACE_ME`, `<password>`, `your-token-here`) are skipped: the author
 * expects a substitution, and the rendered manifest is where a real value would show up.
 */
export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  if (EMPTY_LIKE.has(text.toLowerCase())) return true;
  return isReference(text) || MARKER_PATTERNS.some((re) => re.test(text));
}

/** Passwords that ship as defaults or top every breach list; flagged with their own wording. */
const DEFAULT_PASSWORDS = new Set([
  'changeme', 'change-me', 'change_me', 'changeit', 'password', 'passw0rd', 'p@ssw0rd', 'pass', 'admin', 'root',
  'secret', 'guest', 'test', 'demo', 'default', 'letmein', 'qwerty', '123456', '12345678', 'postgres', 'mysql',
]);

export function isDefaultPassword(value: string): boolean {
  return DEFAULT_PASSWORDS.has(value.trim().toLowerCase());
}
