/**
 * One requirement line, split the way pip does and read as a PEP 508 requirement.
 * ref. pip `req/req_file.py` (`break_args_options`): the requirement is every space-separated
 * token before the first one starting with `-`; the rest are per-requirement options
 * (`--hash=…`, `--config-settings`, `-C`, `--global-option`).
 * ref. https://peps.python.org/pep-0508/ and
 * https://packaging.python.org/en/latest/specifications/version-specifiers/
 */
export interface ParsedRequirement {
  name: string;
  /** The single pinned or lower/upper-bound version, or '' when the specifier gives none. */
  version: string;
  /** The operator of that version when it is not `==` (`>=`, `<=`, `~=`, `===`). */
  comparator?: string;
  /** Values of `--hash=` options (pip's hash-checking mode). */
  hashes: string[];
  /** The requirement as written, without options and comments. */
  requirement: string;
}

export type RequirementResult =
  | { kind: 'requirement'; value: ParsedRequirement }
  /** A URL, path, VCS or other requirement that names no index version. */
  | { kind: 'unversioned-source'; reason: string }
  | { kind: 'invalid'; reason: string };

/** PEP 508 names: letters, digits and `._-`, starting and ending with a letter or digit. */
const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;
const OPERATOR = /^(===|==|~=|!=|>=|<=|>|<)\s*(.*)$/s;

export function splitOptions(line: string): { args: string; options: string[] } {
  const tokens = line.split(' ');
  const first = tokens.findIndex((t) => t.startsWith('-'));
  const args = first < 0 ? tokens : tokens.slice(0, first);
  const options = first < 0 ? [] : tokens.slice(first).filter((t) => t !== '');
  return { args: args.join(' ').trim(), options };
}

export function parseRequirement(line: string): RequirementResult {
  const { args, options } = splitOptions(line);
  // Only the `--hash=value` form is recorded; pip's docs write hashes that way
  // (ref. https://pip.pypa.io/en/stable/topics/secure-installs/#hash-checking-mode).
  const hashes = options.flatMap((o) => /^--hash=(.+)$/.exec(o)?.[1] ?? []);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(args) || /^(\.|\/|~)/.test(args) || /\.(whl|zip|tar\.gz|tgz|tar\.bz2)$/i.test(args)) {
    return { kind: 'unversioned-source', reason: 'URL or path requirement' };
  }
  const named = NAME.exec(args);
  if (named?.[1] === undefined) return { kind: 'invalid', reason: 'no package name' };
  let rest = args.slice(named[0].length);
  const extras = /^\[[^\[\]]*\]\s*/.exec(rest);
  if (extras !== null) rest = rest.slice(extras[0].length);
  if (rest.startsWith('@')) return { kind: 'unversioned-source', reason: 'direct URL reference' };
  const marker = rest.indexOf(';');
  let specifier = (marker < 0 ? rest : rest.slice(0, marker)).trim();
  if (specifier.startsWith('(') && specifier.endsWith(')')) specifier = specifier.slice(1, -1).trim();
  const version = versionOf(specifier);
  if (version === undefined) return { kind: 'invalid', reason: `unreadable version specifier "${specifier}"` };
  return {
    kind: 'requirement',
    value: {
      name: named[1],
      version: version.version,
      ...(version.comparator !== undefined ? { comparator: version.comparator } : {}),
      hashes,
      requirement: args,
    },
  };
}

/**
 * A single `==`, `===`, `>=`, `<=` or `~=` clause names a version worth matching advisories
 * against (the lowest one the requirement allows, or the pin). Exclusions (`!=`), strict bounds
 * (`<`, `>`), wildcards and several clauses name none, so the version is ''.
 */
function versionOf(specifier: string): { version: string; comparator?: string } | undefined {
  if (specifier === '') return { version: '' };
  const clauses = specifier.split(',');
  const parsed = clauses.map((c) => OPERATOR.exec(c.trim()));
  if (parsed.some((m) => m?.[1] === undefined || (m[2] ?? '').trim() === '')) return undefined;
  const [only] = parsed;
  if (clauses.length > 1 || only?.[1] === undefined || only[2] === undefined) return { version: '' };
  const [operator, value] = [only[1], only[2].trim()];
  if (operator === '!=' || operator === '<' || operator === '>' || value.includes('*')) return { version: '' };
  return operator === '==' ? { version: value } : { version: value, comparator: operator };
}
