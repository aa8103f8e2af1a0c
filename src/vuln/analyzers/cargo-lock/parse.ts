import { readToml } from '../read-toml.js';
import { firstIssue } from '../schema-issue.js';
import { locateArrayTables } from '../toml-positions.js';
import { CargoLock } from './schema.js';

export interface CargoCrate {
  name: string;
  version: string;
  /** Commit of a git source (`git+https://…?rev=x#<commit>`). */
  commit?: string;
  /** 1-based line of the entry's `name` key. */
  line?: number;
}

export type CargoParseResult =
  | { ok: true; crates: CargoCrate[] }
  | { ok: false; line?: number; message: string };

export function parseCargoLock(text: string): CargoParseResult {
  const read = readToml(text);
  if (!read.ok) return read;
  const document = read.value;
  const checked = CargoLock.safeParse(document);
  const entries = locateArrayTables(text, 'package');
  if (!checked.success) {
    const issue = firstIssue(checked.error);
    const index = issue.path[0] === 'package' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    const line = index === undefined ? undefined : entries[index]?.line;
    return { ok: false, ...(line !== undefined ? { line } : {}), message: `unexpected Cargo.lock content: ${issue.message}` };
  }
  const packages = checked.data.package ?? [];
  // Lines come from the header scan; when they cannot be paired one to one, report none rather than wrong ones.
  const paired = entries.length === packages.length;
  const crates = packages.map((pkg, n): CargoCrate => {
    const commit = gitCommit(pkg.source);
    const line = paired ? (entries[n]?.keys.get('name') ?? entries[n]?.line) : undefined;
    return {
      name: pkg.name,
      version: pkg.version,
      ...(commit !== undefined ? { commit } : {}),
      ...(line !== undefined ? { line } : {}),
    };
  });
  return { ok: true, crates };
}

/** ref. Cargo `SourceId::as_url`: git sources are `git+<url>[?branch=…|?tag=…|?rev=…]#<full commit>`. */
function gitCommit(source: string | undefined): string | undefined {
  if (source === undefined || !source.startsWith('git+')) return undefined;
  const fragment = source.slice(source.lastIndexOf('#') + 1);
  return source.includes('#') && /^[0-9a-f]{7,64}$/i.test(fragment) ? fragment : undefined;
}
