import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerError, AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { parseGemspec, parseGemspecFileName } from './parse.js';

/**
 * Where RubyGems keeps the specifications of installed gems: `<GEM_HOME>/specifications/` (e.g.
 * usr/lib/ruby/gems/3.1.0/, usr/local/bundle/, Debian's usr/share/rubygems-integration/all/) and
 * `specifications/default/` for the default gems bundled with Ruby (openssl, psych, …).
 */
const SPEC_FILE = /(?:^|\/)specifications\/(?:default\/)?[^/]+\.gemspec$/;

/**
 * Installed gems, one per specification file. Each of name, version and platform is taken from,
 * in order: its literal assignment in the `Gem::Specification.new` block, the `# stub:` line
 * RubyGems writes at the top of installed specs, the file name (`name-version[-platform].gemspec`,
 * which RubyGems derives from the spec). A file that is no specification is reported; a gem is
 * still listed when its file name says what it is.
 */
export const rubyGemspec = {
  id: 'ruby-gemspec',
  version: 1,
  matches(path: string): boolean {
    return SPEC_FILE.test(path);
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const spec = parseGemspec(content);
    const fromName = parseGemspecFileName(path.slice(path.lastIndexOf('/') + 1));
    const errors: AnalyzerError[] = [];
    if (!spec.isSpecification && spec.stub === undefined) errors.push({ path, message: 'not a gem specification: no Gem::Specification.new block' });
    const name = spec.name?.value ?? spec.stub?.name ?? fromName?.name;
    const version = spec.version?.value ?? spec.stub?.version ?? fromName?.version;
    if (name === undefined || version === undefined || name === '' || version === '') {
      errors.push({ path, message: 'gem name and version are neither literal strings in the specification nor in the file name' });
      return { packages: [], errors };
    }
    const platform = spec.platform?.value ?? spec.stub?.platform ?? fromName?.platform ?? 'ruby';
    const line = spec.name?.line ?? spec.stub?.line;
    const pkg: Package = {
      name,
      version,
      ecosystem: 'RubyGems',
      // ref. purl-spec gem: `platform` qualifier for native gems; `ruby` is the default platform.
      purl: formatPurl({ type: 'gem', name, version, ...(platform !== 'ruby' ? { qualifiers: { platform } } : {}) }),
      depGroups: [],
      locations: [{ path, ...(line !== undefined ? { line } : {}) }],
    };
    return { packages: [pkg], errors };
  },
} satisfies FileAnalyzer;
