import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerError, AnalyzerOutput, FileAnalyzer, FileReader, Package } from '../../inventory/index.js';
import { parseGoSum } from './gosum.js';
import { prunesModuleGraph, resolveModules, stdlibOf, trimV } from './modules.js';
import type { Module } from './modules.js';
import { parseGoMod } from './parse.js';

export interface GoModOptions {
  /** Leave out modules marked `// indirect` (and, for go ≤ 1.16, those only go.sum lists). @default false */
  excludeIndirect?: boolean;
}

/** go.mod: required modules after `replace`, the Go toolchain as `stdlib`, and go.sum for go ≤ 1.16. */
export function createGoModAnalyzer(options: GoModOptions = {}) {
  return {
    id: 'go-mod',
    version: 1,
    matches(path: string): boolean {
      return path === 'go.mod' || path.endsWith('/go.mod');
    },
    reads(path: string): boolean {
      return path === 'go.sum' || path.endsWith('/go.sum');
    },
    async analyze({ path, content, files }): Promise<AnalyzerOutput> {
      const parsed = parseGoMod(content);
      if (!parsed.ok) return { packages: [], errors: [{ path, line: parsed.line, message: parsed.message }] };
      const modules = resolveModules(parsed.file, path);
      const errors: AnalyzerError[] = [];
      if (!prunesModuleGraph(parsed.file)) errors.push(...(await addGoSum(modules, path, files)));
      const kept = options.excludeIndirect === true ? modules.filter((m) => !m.indirect) : modules;
      const packages = kept.map((m): Package => toPackage(m));
      const stdlib = stdlibOf(parsed.file, path);
      if (stdlib !== undefined) packages.push(toPackage(stdlib));
      return { packages, errors };
    },
  } satisfies FileAnalyzer;
}

/** The analyzer with default options, as registered. */
export const goMod = createGoModAnalyzer();

/** Adds the modules of the companion go.sum (`go.mod` → `go.sum`, `x.mod` → `x.sum`) that go.mod does not list. */
async function addGoSum(modules: Module[], modPath: string, files: FileReader): Promise<AnalyzerError[]> {
  const sumPath = modPath.endsWith('.mod') ? `${modPath.slice(0, -4)}.sum` : `${modPath}.sum`;
  const text = await files.readText(sumPath);
  if (text === undefined) return []; // a module without dependencies has no go.sum
  const parsed = parseGoSum(text);
  if (!parsed.ok) return [{ path: sumPath, line: parsed.line, message: parsed.message }];
  const byKey = new Map(modules.map((m) => [`${m.name}@${m.version}`, m]));
  for (const entry of parsed.entries) {
    const version = trimV(entry.version);
    const key = `${entry.path}@${version}`;
    const known = byKey.get(key);
    if (known !== undefined) {
      known.locations.push({ path: sumPath, line: entry.line });
      continue;
    }
    // Listed by go.sum only: the go.mod it belongs to comes first, as for every package of this analyzer.
    const added: Module = { name: entry.path, version, indirect: true, locations: [{ path: modPath }, { path: sumPath, line: entry.line }] };
    byKey.set(key, added);
    modules.push(added);
  }
  return [];
}

function toPackage(module: Module): Package {
  // ref. purl-spec golang: the namespace is the module path up to its last element.
  const slash = module.name.lastIndexOf('/');
  const namespace = slash > 0 ? module.name.slice(0, slash) : undefined;
  return {
    name: module.name,
    version: module.version,
    ecosystem: 'Go',
    purl: formatPurl({
      type: 'golang',
      ...(namespace !== undefined ? { namespace } : {}),
      name: slash > 0 ? module.name.slice(slash + 1) : module.name,
      version: module.version,
    }),
    depGroups: [],
    locations: module.locations,
    ...(module.indirect ? { metadata: { indirect: true } } : {}),
  };
}
