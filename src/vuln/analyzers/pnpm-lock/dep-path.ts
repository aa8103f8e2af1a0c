/** What a dependency path says about its package; '' where it says nothing. */
export interface DepPathIdentity {
  name: string;
  version: string;
}

/**
 * The name and version encoded in a pnpm dependency path (the keys of `packages`), ref. pnpm's
 * `dependency-path` package:
 *   lockfile 5.x   `/name/1.0.0`, `/@scope/name/1.0.0`, `/name/1.0.0_peer@2.0.0` (peers after `_`),
 *                  `registry.example.com/name/1.0.0` (a non-default registry host leads the path)
 *   lockfile 6.x   `/name@1.0.0`, `/@scope/name@1.0.0(peer@2.0.0)` (peers in parentheses)
 *   lockfile 9.x   `name@1.0.0`, `@scope/name@1.0.0` (no leading slash)
 * `file:` paths and git/tarball paths (`github.com/org/repo/<sha>`) carry no usable version; their
 * entries have `name` and `version` fields instead. Returns undefined for a path with no `/` at all
 * in lockfiles before 9, which no pnpm version writes.
 */
export function identityFromDepPath(depPath: string, lockfileMajor: number): DepPathIdentity | undefined {
  const none: DepPathIdentity = { name: '', version: '' };
  if (depPath.startsWith('file:')) return none;
  const paren = depPath.indexOf('(');
  const path = paren < 0 ? depPath : depPath.slice(0, paren);

  if (lockfileMajor >= 9) {
    const at = path.indexOf('@', path.startsWith('@') ? 1 : 0);
    if (at < 0) return { name: path, version: '' };
    const version = path.slice(at + 1);
    return { name: path.slice(0, at), version: /^\d/.test(version) ? version : '' };
  }

  const parts = path.split('/');
  if (parts.length < 2) return undefined;
  // The first part is '' (leading slash) or a registry host.
  let rest = parts.slice(1);
  let name: string;
  if (rest[0]?.startsWith('@') === true) {
    name = rest.slice(0, 2).join('/');
    rest = rest.slice(2);
  } else {
    name = rest[0] ?? '';
    rest = rest.slice(1);
  }
  let version = rest[0] ?? '';
  if (version === '') {
    const nameAtVersion = /^(.+)@([^@]+)$/.exec(name);
    if (nameAtVersion?.[1] !== undefined && nameAtVersion[2] !== undefined) {
      name = nameAtVersion[1];
      version = nameAtVersion[2];
    }
  }
  // A version starts with a digit; anything else (`/foo/bar`, `github.com/org/repo`) is no version.
  if (!/^\d/.test(version)) return none;
  return { name, version: version.split('_')[0] ?? version };
}
