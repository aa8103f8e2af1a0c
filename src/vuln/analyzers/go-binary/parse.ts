/**
 * The module information the Go linker embeds (`runtime/debug.BuildInfo`, shown by
 * `go version -m`): tab-separated lines, ref. runtime/debug `ParseBuildInfo`:
 *
 *   path   example.com/cmd/app              the main package
 *   mod    example.com/app  v1.2.0  h1:…    the main module
 *   dep    golang.org/x/sys v0.1.0  h1:…    a dependency module
 *   =>     example.com/fork v0.1.1  h1:…    replaces the module on the line before
 *   build  CGO_ENABLED=1                    a build setting (Go ≥ 1.18)
 *
 * A replaced module is written without its sum; a local-path replacement has no version.
 */
export interface ModuleRef {
  path: string;
  /** As written, e.g. `v1.2.0` or `(devel)`; '' for a local-path replacement. */
  version: string;
  /** go.sum hash (`h1:…`), when recorded. */
  sum?: string;
}

export interface BuildModule extends ModuleRef {
  replace?: ModuleRef;
}

export interface ModInfo {
  /** Import path of the main package. */
  path?: string;
  /** Absent for binaries built outside module mode (GOPATH builds, e.g. many distribution packages). */
  main?: BuildModule;
  deps: BuildModule[];
  /** `build` lines, key → value, in order. */
  settings: Map<string, string>;
  /** Lines that could not be read; the rest is still used. */
  problems: string[];
}

export function parseModInfo(text: string): ModInfo {
  const info: ModInfo = { deps: [], settings: new Map(), problems: [] };
  // The module most recently declared, which a following `=>` line replaces.
  let last: BuildModule | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const word = tab < 0 ? line : line.slice(0, tab);
    const rest = tab < 0 ? '' : line.slice(tab + 1);
    switch (word) {
      case 'go':
        // Written by BuildInfo.String() but not stored in binaries; the version is kept beside modinfo.
        break;
      case 'path':
        info.path = rest;
        break;
      case 'mod':
      case 'dep': {
        const module = moduleRef(rest);
        if (module === undefined) {
          info.problems.push(`malformed ${word} line: ${JSON.stringify(line)}`);
          last = undefined;
          break;
        }
        if (word === 'mod') info.main = module;
        else info.deps.push(module);
        last = module;
        break;
      }
      case '=>': {
        const replace = moduleRef(rest);
        if (last === undefined || replace === undefined) info.problems.push(`replacement without a module before it: ${JSON.stringify(line)}`);
        else last.replace = replace;
        last = undefined;
        break;
      }
      case 'build': {
        // ref. debug.BuildSetting: the key ends at the first `=`; a quoted key or value is Go-quoted.
        const eq = rest.indexOf('=');
        if (eq <= 0) info.problems.push(`malformed build line: ${JSON.stringify(line)}`);
        else info.settings.set(unquote(rest.slice(0, eq)), unquote(rest.slice(eq + 1)));
        break;
      }
      default:
        // Newer toolchains may add line kinds; what they say is not a module, so it is skipped.
        break;
    }
  }
  return info;
}

/** `path\tversion[\tsum]`; a local-path replacement writes an empty version. */
function moduleRef(fields: string): ModuleRef | undefined {
  const [path, version = '', sum, ...extra] = fields.split('\t');
  if (path === undefined || path === '' || extra.length > 0) return undefined;
  return { path, version, ...(sum !== undefined && sum !== '' ? { sum } : {}) };
}

/** Build settings containing spaces, tabs, quotes or `=` are written as Go strings ("…"). */
function unquote(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}
