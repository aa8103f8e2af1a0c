/**
 * The git commit a JavaScript lockfile pins for a VCS dependency, read from the resolution it
 * records (npm `version`/`resolved`, yarn `resolved`/`resolution`). Shared by the npm and yarn
 * analyzers, so it sits one level up and no analyzer imports a sibling.
 *
 * Forms, ref. npm docs "package.json > Git URLs as Dependencies" and "GitHub URLs", and yarn
 * berry's git protocol (`#commit=<sha>`):
 *   git+ssh://git@github.com/org/repo.git#<sha>     git://…#<sha>   ssh://…#<sha>   git+https://…#<sha>
 *   https://host/org/repo.git#<sha>                 github:org/repo#<sha> (also gitlab:, bitbucket:)
 *   https://codeload.github.com/org/repo/tar.gz/<sha>
 *   name@https://github.com/org/repo.git#commit=<sha>   (yarn berry)
 *   https://github.com/org/repo#<sha>, https://gitlab.com/…/archive.tar.gz?ref=<sha>
 */
const COMMIT_PATTERNS: readonly RegExp[] = [
  // An optional `name@` (yarn berry locators) or `user@` prefix comes before the scheme.
  /^(?:.+@)?(?:git(?:\+(?:ssh|https))?|ssh):\/\/.+#(\w+)$/,
  /^(?:.+@)?https:\/\/.+\.git#(\w+)$/,
  /https:\/\/codeload\.github\.com(?:\/[\w.-]+){2}\/tar\.gz\/(\w+)$/,
  /.+#commit[:=](\w+)$/,
  /^(?:github|gitlab|bitbucket):.+#(\w+)$/,
];

/** Hosts whose plain https URLs name a repository, so their `#fragment` or `?ref=` is a commit. */
const GIT_HOSTS: ReadonlySet<string> = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);

/** The pinned commit, or undefined when the resolution is not a VCS one (registry tarballs keep their `#sha1` checksum, which is no commit). */
export function commitFromResolution(resolution: string | undefined): string | undefined {
  if (resolution === undefined || resolution === '') return undefined;
  for (const pattern of COMMIT_PATTERNS) {
    const commit = pattern.exec(resolution)?.[1];
    if (commit !== undefined) return commit;
  }
  let url: URL;
  try {
    url = new URL(resolution);
  } catch {
    return undefined;
  }
  if (!GIT_HOSTS.has(url.host)) return undefined;
  const ref = url.searchParams.get('ref') ?? url.hash.slice(1);
  return /^\w+$/.test(ref) ? ref : undefined;
}
