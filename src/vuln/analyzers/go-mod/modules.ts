import type { PackageLocation } from '../../inventory/index.js';
import type { GoModFile } from './parse.js';

/** A module the build uses, before it becomes a Package. */
export interface Module {
  name: string;
  version: string;
  indirect: boolean;
  locations: PackageLocation[];
}

/**
 * Applies `replace` directives (ref. https://go.dev/ref/mod#go-mod-file-replace): a replacement
 * without an old version applies to every required version; one that matches nothing has no
 * effect; a local-path replacement (`=> ../fork`) has no version. Replacements that end up naming
 * the same module version are one module.
 */
export function resolveModules(file: GoModFile, path: string): Module[] {
  const modules: Module[] = [];
  const seen = new Set<string>();
  for (const require of file.requires) {
    // A replacement of this exact version wins over one for every version of the module.
    const replace =
      file.replaces.find((r) => r.oldPath === require.path && r.oldVersion === require.version) ??
      file.replaces.find((r) => r.oldPath === require.path && r.oldVersion === undefined);
    const name = replace?.newPath ?? require.path;
    const version = trimV(replace === undefined ? require.version : (replace.newVersion ?? ''));
    const key = `${name}@${version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    modules.push({ name, version, indirect: require.indirect, locations: [{ path, line: replace?.line ?? require.line }] });
  }
  return modules;
}

/**
 * Go 1.17 made go.mod list every module the build needs (module graph pruning, ref.
 * https://go.dev/ref/mod#graph-pruning). Before that, and when no `go` directive says otherwise
 * (the go command then assumes 1.16), indirect dependencies are only in go.sum.
 */
export function prunesModuleGraph(file: GoModFile): boolean {
  const [major = 0, minor = 0] = (file.go?.version ?? '1.16').split('.').map((n) => Number.parseInt(n, 10));
  return major > 1 || (major === 1 && minor >= 17);
}

/**
 * The standard library as a module named `stdlib` (the OSV convention for Go toolchain advisories).
 * `toolchain go1.23.6-xyz` wins over `go 1.23.5`: it names the toolchain that builds the module
 * (ref. https://go.dev/doc/toolchain); a custom suffix after the version is dropped.
 */
export function stdlibOf(file: GoModFile, path: string): Module | undefined {
  const toolchain = /^go(\d+(?:\.\d+)*(?:(?:rc|beta)\d+)?)/.exec(file.toolchain?.name ?? '')?.[1];
  if (toolchain !== undefined && file.toolchain !== undefined) {
    return { name: 'stdlib', version: toolchain, indirect: false, locations: [{ path, line: file.toolchain.line }] };
  }
  if (file.go === undefined) return undefined;
  return { name: 'stdlib', version: file.go.version, indirect: false, locations: [{ path, line: file.go.line }] };
}

export function trimV(version: string): string {
  return version.startsWith('v') ? version.slice(1) : version;
}
