import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerError, AnalyzerOutput, FileAnalyzer, FileFacts, Package } from '../../inventory/index.js';
import { findBuildInfo } from './find.js';
import { parseModInfo } from './parse.js';
import type { BuildModule, ModInfo } from './parse.js';

export interface GoBinaryOptions {
  /** Smallest executable looked at: the gc toolchain has not produced a smaller binary since Go 1.0. @default 512 KiB */
  minSize?: number;
  /** Largest executable looked at (the whole file is held in memory). @default 512 MiB */
  maxSize?: number;
}

/**
 * Go executables: the modules compiled in, from the build information the linker embeds, and the
 * toolchain as `stdlib` (the OSV name for Go standard-library advisories). Files are recognised by
 * content, so only executables are offered; an executable without Go build information gives
 * nothing, not an error (shell scripts and C binaries are everywhere).
 *
 * The main module is kept: with its version when the build recorded one (`go install m@v1.2.3`,
 * or Go ≥ 1.24 stamping the VCS tag), with version '' when it says `(devel)` (built from a
 * checkout), since the inventory should still show what the binary is. Its VCS revision, when
 * recorded, is its commit.
 */
export function createGoBinaryAnalyzer(options: GoBinaryOptions = {}) {
  const minSize = options.minSize ?? 512 * 1024;
  const maxSize = options.maxSize ?? 512 * 1024 * 1024;
  return {
    id: 'go-binary',
    version: 1,
    input: 'bytes',
    matches(_path: string, facts?: FileFacts): boolean {
      return facts !== undefined && facts.executable && facts.size >= minSize && facts.size <= maxSize;
    },
    async analyze({ path, bytes }): Promise<AnalyzerOutput> {
      const found = findBuildInfo(bytes ?? new Uint8Array());
      if (found.kind === 'none') return { packages: [], errors: [] };
      if (found.kind === 'error') return { packages: [], errors: [{ path, message: found.message }] };
      const info = parseModInfo(found.modinfo);
      const errors: AnalyzerError[] = info.problems.map((message) => ({ path, message: `Go build info: ${message}` }));
      return { packages: packagesOf(info, found.goVersion, path), errors };
    },
  } satisfies FileAnalyzer;
}

/** The analyzer with default options, as registered. */
export const goBinary = createGoBinaryAnalyzer();

function packagesOf(info: ModInfo, goVersion: string, path: string): Package[] {
  const packages: Package[] = [];
  const seen = new Set<string>();
  const add = (pkg: Package): void => {
    const key = `${pkg.name}@${pkg.version}`;
    if (seen.has(key)) return;
    seen.add(key);
    packages.push(pkg);
  };
  if (info.main !== undefined) {
    const revision = info.settings.get('vcs.revision');
    const main = toPackage(info.main, path, { main: true, ...(info.path !== undefined ? { mainPackage: info.path } : {}) });
    add(revision !== undefined && revision !== '' ? { ...main, commit: revision } : main);
  }
  for (const dep of info.deps) add(toPackage(dep, path));
  // go1.21.3, go1.22rc1; a custom suffix (`go1.21.3 X:boringcrypto`, `-bigcorp`) is dropped. A
  // development toolchain (`devel +abc…`) has no release to match advisories against.
  const release = /^go(\d+(?:\.\d+)*(?:(?:rc|beta)\d+)?)/.exec(goVersion)?.[1];
  if (release !== undefined) add(goPackage('stdlib', release, path, { goVersion }));
  return packages;
}

/** A replacement wins: it is the code that was compiled in. */
function toPackage(module: BuildModule, path: string, metadata: Record<string, unknown> = {}): Package {
  const used = module.replace ?? module;
  const version = used.version === '(devel)' ? '' : trimV(used.version);
  return goPackage(used.path, version, path, {
    ...metadata,
    ...(module.replace !== undefined ? { replaces: `${module.path}@${trimV(module.version)}` } : {}),
  });
}

function goPackage(name: string, version: string, path: string, metadata: Record<string, unknown>): Package {
  // ref. purl-spec golang: the namespace is the module path up to its last element.
  const slash = name.lastIndexOf('/');
  return {
    name,
    version,
    ecosystem: 'Go',
    purl: formatPurl({
      type: 'golang',
      ...(slash > 0 ? { namespace: name.slice(0, slash) } : {}),
      name: slash > 0 ? name.slice(slash + 1) : name,
      version,
    }),
    depGroups: [],
    locations: [{ path }],
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
  };
}

function trimV(version: string): string {
  return version.startsWith('v') ? version.slice(1) : version;
}
