/**
 * Installed gem specifications, as RubyGems writes them (`Gem::Specification#to_ruby`):
 *
 *   # -*- encoding: utf-8 -*-
 *   # stub: rake 13.0.6 ruby lib
 *
 *   Gem::Specification.new do |s|
 *     s.name = "rake".freeze
 *     s.version = "13.0.6"
 *     …
 *
 * Older RubyGems wrote `%q{rake}`; gemspecs copied from a project (Debian's rubygems-integration
 * holds some) use any block variable and often a constant (`spec.version = Rake::VERSION`). Ruby
 * is never evaluated: only literal strings are read, one assignment per line.
 */
export interface Gemspec {
  /** A `Gem::Specification.new` block was found. */
  isSpecification: boolean;
  name?: Field;
  version?: Field;
  platform?: Field;
  /** The `# stub:` comment line of installed specs: name, version, platform. */
  stub?: { name: string; version: string; platform: string; line: number };
}

export interface Field {
  value: string;
  /** 1-based. */
  line: number;
}

const BLOCK = /Gem::Specification\.new\b[^|]*?(?:\bdo|\{)\s*\|\s*([A-Za-z_]\w*)\s*\|/;
const STUB = /^#\s*stub:\s+(\S+)\s+(\S+)\s+(\S+)/;

export function parseGemspec(text: string): Gemspec {
  const spec: Gemspec = { isSpecification: false };
  const lines = text.split(/\r?\n/);
  let variable: string | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] ?? '').trim();
    const stub = STUB.exec(line);
    if (stub !== null && spec.stub === undefined) {
      spec.stub = { name: stub[1] ?? '', version: stub[2] ?? '', platform: stub[3] ?? '', line: n + 1 };
      continue;
    }
    if (line.startsWith('#')) continue;
    if (variable === undefined) {
      const block = BLOCK.exec(line);
      if (block !== null) {
        spec.isSpecification = true;
        variable = block[1];
      }
      continue;
    }
    const assignment = /^([A-Za-z_]\w*)\.(name|version|platform)\s*=(?!=)\s*(.*)$/.exec(line);
    if (assignment === null || assignment[1] !== variable) continue;
    const field = assignment[2] as 'name' | 'version' | 'platform';
    // The first assignment wins, as RubyGems writes each once; `Gem::Version.new("1.0")` is a literal too.
    const value = rubyString((assignment[3] ?? '').replace(/^Gem::(?:Version|Platform)\.new\(\s*/, ''));
    if (value !== undefined && spec[field] === undefined) spec[field] = { value, line: n + 1 };
  }
  return spec;
}

const CLOSERS: Readonly<Record<string, string>> = { '{': '}', '(': ')', '[': ']', '<': '>' };

/**
 * The literal string an expression starts with: "…" (without `#{}` interpolation), '…', or
 * %q/%Q/% with any delimiter (ref. Ruby syntax, "Percent Strings"). Undefined for anything else.
 */
export function rubyString(expression: string): string | undefined {
  const quote = expression[0];
  if (quote === '"' || quote === "'") {
    let out = '';
    for (let i = 1; i < expression.length; i++) {
      const ch = expression[i] ?? '';
      if (ch === quote) return out;
      if (ch === '\\') {
        out += expression[++i] ?? '';
        continue;
      }
      if (quote === '"' && ch === '#' && expression[i + 1] === '{') return undefined;
      out += ch;
    }
    return undefined;
  }
  const percent = /^%[qQ]?([^\w\s])/.exec(expression);
  if (percent === null) return undefined;
  const open = percent[1] ?? '';
  const close = CLOSERS[open] ?? open;
  const body = expression.slice(percent[0].length);
  const end = body.indexOf(close);
  if (end < 0) return undefined;
  const value = body.slice(0, end);
  return expression[1] === 'q' || !value.includes('#{') ? value : undefined;
}

/**
 * Platforms RubyGems names gems for (`Gem::Platform`): cpu-os[-version] like x86_64-linux,
 * arm64-darwin, x64-mingw-ucrt, or `java`, `jruby`, `universal-…`.
 */
const PLATFORM = /^(?:x86_64|x86|x64|i[3-6]86|arm64|arm|aarch64|armv\w+|universal|java|jruby|mswin\w*|mingw\w*|powerpc\w*|ppc\w*|s390x?|sparc\w*|riscv64|darwin|linux|freebsd|openbsd|netbsd|solaris)(?:-|$)/;

/**
 * `name-version[-platform].gemspec`, as RubyGems names installed specs (`Gem::Specification#full_name`).
 * Names may contain hyphens and digits; versions start with a digit and contain no hyphen except
 * before a prerelease part (`1.0.0-beta`, ref. Gem::Version); what follows the version is the
 * platform when it names one.
 */
export function parseGemspecFileName(fileName: string): { name: string; version: string; platform?: string } | undefined {
  const stem = fileName.replace(/\.gemspec$/, '');
  const parts = stem.split('-');
  const at = parts.findIndex((p, i) => i > 0 && /^\d+(?:\.[0-9A-Za-z]+)*$/.test(p));
  if (at < 0) return undefined;
  const name = parts.slice(0, at).join('-');
  const rest = parts.slice(at + 1).join('-');
  const version = parts[at] ?? '';
  if (rest === '') return { name, version };
  if (PLATFORM.test(rest)) return { name, version, platform: rest };
  return { name, version: `${version}-${rest}` };
}
