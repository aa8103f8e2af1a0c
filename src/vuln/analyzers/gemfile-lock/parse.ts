/**
 * Gemfile.lock reader. ref. Bundler `lib/bundler/lockfile_parser.rb`: unindented lines open a
 * section; source sections (GIT, GEM, PATH, PLUGIN SOURCE) hold 2-space options (`remote:`,
 * `revision:`, `specs:`), 4-space specs `name (version[-platform])` and 6-space dependencies of a
 * spec. Other sections (PLATFORMS, DEPENDENCIES, RUBY VERSION, BUNDLED WITH, CHECKSUMS) name no
 * locked gems.
 */
export interface GemSpec {
  name: string;
  version: string;
  /** Platform suffix of a native gem (`x86_64-linux`), when not the pure-Ruby one. */
  platform?: string;
  /** `revision:` of the GIT section that locks it. */
  commit?: string;
  line: number;
}

export interface GemfileLockParse {
  specs: GemSpec[];
  problems: Array<{ line: number; message: string }>;
}

const SOURCE_SECTIONS = new Set(['GIT', 'GEM', 'PATH', 'PLUGIN SOURCE']);
const OTHER_SECTIONS = new Set(['PLATFORMS', 'DEPENDENCIES', 'RUBY VERSION', 'BUNDLED WITH', 'CHECKSUMS']);
/** Bundler's NAME_VERSION with the indentation already removed; versions never contain `-`. */
const SPEC = /^(\S+?) \(([^-)\s]+)(?:-([^)]+))?\)!?$/;

export function parseGemfileLock(text: string): GemfileLockParse {
  const specs: GemSpec[] = [];
  const problems: GemfileLockParse['problems'] = [];
  let section: string | undefined;
  let sectionSpecs: GemSpec[] = [];
  let revision: string | undefined;
  let known = false;

  const closeSection = (): void => {
    if (revision !== undefined) for (const spec of sectionSpecs) spec.commit = revision;
    specs.push(...sectionSpecs);
    sectionSpecs = [];
    revision = undefined;
  };

  text.split('\n').forEach((raw, n) => {
    const line = n + 1;
    const content = raw.replace(/\r$/, '');
    if (content.trim() === '') return;
    const indent = /^ */.exec(content)?.[0].length ?? 0;
    if (indent === 0) {
      closeSection();
      section = content.trim();
      // Bundler skips sections it does not know (newer Bundler versions add some).
      if (SOURCE_SECTIONS.has(section) || OTHER_SECTIONS.has(section)) known = true;
      return;
    }
    if (section === undefined) {
      problems.push({ line, message: 'indented entry before any section header' });
      return;
    }
    if (!SOURCE_SECTIONS.has(section)) return;
    const body = content.slice(indent);
    if (indent === 2) {
      const revisionValue = /^revision: (.+)$/.exec(body)?.[1];
      if (revisionValue !== undefined) revision = revisionValue.trim();
      return;
    }
    if (indent !== 4) return; // 6 spaces: a dependency of the previous spec, not a locked gem
    const match = SPEC.exec(body);
    if (match?.[1] === undefined || match[2] === undefined) {
      problems.push({ line, message: `spec "${body}" is not "name (version)"` });
      return;
    }
    const platform = match[3];
    sectionSpecs.push({ name: match[1], version: match[2], ...(platform !== undefined ? { platform } : {}), line });
  });
  closeSection();
  if (!known && text.trim() !== '') problems.push({ line: 1, message: 'no Bundler lockfile section (GEM, GIT, PATH, DEPENDENCIES, ...) found' });
  return { specs, problems };
}
