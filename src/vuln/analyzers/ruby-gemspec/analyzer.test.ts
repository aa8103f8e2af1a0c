import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { parseGemspecFileName, rubyGemspec, rubyString } from './index.js';

const none: FileReader = { readText: async () => undefined };

/** The shape `gem install` writes with RubyGems 3.x (Gem::Specification#to_ruby). */
const RAKE = `# -*- encoding: utf-8 -*-
# stub: rake 13.0.6 ruby lib

Gem::Specification.new do |s|
  s.name = "rake".freeze
  s.version = "13.0.6"

  s.required_rubygems_version = Gem::Requirement.new(">= 1.3.2".freeze) if s.respond_to? :required_rubygems_version=
  s.metadata = { "bug_tracker_uri" => "https://github.com/ruby/rake/issues", "source_code_uri" => "https://github.com/ruby/rake/tree/v13.0.6" } if s.respond_to? :metadata=
  s.require_paths = ["lib".freeze]
  s.authors = ["Hiroshi SHIBATA".freeze, "Eric Hodel".freeze, "Jim Weirich".freeze]
  s.bindir = "exe".freeze
  s.date = "2021-07-09"
  s.description = "Rake is a Make-like program implemented in Ruby. Tasks and dependencies are\\nspecified in standard Ruby syntax.".freeze
  s.executables = ["rake".freeze]
  s.files = ["exe/rake".freeze]
  s.homepage = "https://github.com/ruby/rake".freeze
  s.licenses = ["MIT".freeze]
  s.required_ruby_version = Gem::Requirement.new(">= 2.2".freeze)
  s.rubygems_version = "3.3.15".freeze
  s.summary = "Rake is a Make-like program implemented in Ruby".freeze

  s.installed_by_version = "3.3.15" if s.respond_to? :installed_by_version
end
`;

/** RubyGems 1.x style, with %q{} strings and no stub line. */
const OLD = `# -*- encoding: utf-8 -*-

Gem::Specification.new do |s|
  s.name = %q{json_pure}
  s.version = "1.4.6"

  s.required_rubygems_version = Gem::Requirement.new(">= 0") if s.respond_to? :required_rubygems_version=
  s.authors = [%q{Florian Frank}]
  s.summary = %q{JSON Implementation for Ruby}
end
`;

/** A native gem: the platform is in the stub, the spec and the file name. */
const NOKOGIRI = `# -*- encoding: utf-8 -*-
# stub: nokogiri 1.15.4 x86_64-linux lib

Gem::Specification.new do |s|
  s.name = "nokogiri".freeze
  s.version = "1.15.4"
  s.platform = "x86_64-linux".freeze
end
`;

/** A project gemspec as Debian's rubygems-integration ships some: another block variable, a constant version. */
const UPSTREAM = `# frozen_string_literal: true
require_relative "lib/net/http/version"

Gem::Specification.new do |spec|
  # spec.name = "wrong"
  spec.name          = 'net-http'
  spec.version       = Net::HTTP::VERSION
  spec.authors       = ["NARUSE, Yui"]
end
`;

async function analyze(content: string, path: string) {
  return rubyGemspec.analyze({ path, content, files: none });
}

function summary(out: { packages: Array<{ name: string; version: string; purl: string; locations: Array<{ line?: number }> }> }): Array<[string, string, string, number | undefined]> {
  return out.packages.map((p) => [p.name, p.version, p.purl, p.locations[0]?.line]);
}

describe('ruby-gemspec', () => {
  it('reads name and version from the specification RubyGems writes', async () => {
    const out = await analyze(RAKE, 'usr/lib/ruby/gems/3.1.0/specifications/rake-13.0.6.gemspec');
    assert.deepEqual(out.errors, []);
    assert.deepEqual(summary(out), [['rake', '13.0.6', 'pkg:gem/rake@13.0.6', 5]]);
    assert.equal(out.packages[0]?.ecosystem, 'RubyGems');
    assert.equal(out.packages[0]?.locations[0]?.path, 'usr/lib/ruby/gems/3.1.0/specifications/rake-13.0.6.gemspec');
  });

  it('reads %q{} strings of older RubyGems', async () => {
    const out = await analyze(OLD, 'var/lib/gems/1.8/specifications/json_pure-1.4.6.gemspec');
    assert.deepEqual(out.errors, []);
    assert.deepEqual(summary(out), [['json_pure', '1.4.6', 'pkg:gem/json_pure@1.4.6', 4]]);
  });

  it('keeps the platform of native gems', async () => {
    const out = await analyze(NOKOGIRI, 'usr/local/bundle/specifications/nokogiri-1.15.4-x86_64-linux.gemspec');
    assert.deepEqual(summary(out), [['nokogiri', '1.15.4', 'pkg:gem/nokogiri@1.15.4?platform=x86_64-linux', 5]]);
  });

  it('takes a non-literal version from the file name, never running Ruby', async () => {
    const out = await analyze(UPSTREAM, 'usr/share/rubygems-integration/all/specifications/net-http-0.3.2.gemspec');
    assert.deepEqual(out.errors, []);
    assert.deepEqual(summary(out), [['net-http', '0.3.2', 'pkg:gem/net-http@0.3.2', 6]]);
  });

  it('uses the stub line when the block cannot be read', async () => {
    const out = await analyze('# stub: psych 4.0.4 ruby lib\n', 'usr/lib/ruby/gems/3.1.0/specifications/default/psych.gemspec');
    assert.deepEqual(out.errors, []);
    assert.deepEqual(summary(out), [['psych', '4.0.4', 'pkg:gem/psych@4.0.4', 1]]);
  });

  it('reports files that are no specification, listing the gem its file name names', async () => {
    const named = await analyze('<<garbage>>', 'usr/lib/ruby/gems/3.1.0/specifications/rack-2.2.8.gemspec');
    assert.equal(named.errors.length, 1);
    assert.match(named.errors[0]?.message ?? '', /not a gem specification/);
    assert.deepEqual(summary(named), [['rack', '2.2.8', 'pkg:gem/rack@2.2.8', undefined]]);
    const unnamed = await analyze('', 'specifications/mystery.gemspec');
    assert.equal(unnamed.packages.length, 0);
    assert.equal(unnamed.errors.length, 2);
    assert.ok(unnamed.errors.every((e) => e.path === 'specifications/mystery.gemspec'));
  });

  it('matches installed specifications only', () => {
    for (const path of [
      'usr/lib/ruby/gems/3.1.0/specifications/rake-13.0.6.gemspec',
      'usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec',
      'usr/share/rubygems-integration/all/specifications/rake-13.0.6.gemspec',
      'usr/local/bundle/specifications/rails-7.1.0.gemspec',
    ]) {
      assert.equal(rubyGemspec.matches(path), true, path);
    }
    for (const path of ['app/rake.gemspec', 'usr/local/bundle/gems/rake-13.0.6/rake.gemspec', 'specifications/rake-13.0.6.gemspec.bak']) {
      assert.equal(rubyGemspec.matches(path), false, path);
    }
  });
});

describe('ruby-gemspec formats', () => {
  it('reads literal Ruby strings and refuses everything else', () => {
    assert.equal(rubyString('"rake".freeze'), 'rake');
    assert.equal(rubyString("'a\\'b'"), "a'b");
    assert.equal(rubyString('%q{json_pure}'), 'json_pure');
    assert.equal(rubyString('%Q(x-y)'), 'x-y');
    assert.equal(rubyString('%q<1.0>'), '1.0');
    assert.equal(rubyString('%|plain|'), 'plain');
    assert.equal(rubyString('"v#{VERSION}"'), undefined);
    assert.equal(rubyString('Rake::VERSION'), undefined);
    assert.equal(rubyString('"unterminated'), undefined);
  });

  it('splits file names with hyphenated names, prereleases and platforms', () => {
    const cases: Array<[string, ReturnType<typeof parseGemspecFileName>]> = [
      ['rake-13.0.6.gemspec', { name: 'rake', version: '13.0.6' }],
      ['net-http-0.3.2.gemspec', { name: 'net-http', version: '0.3.2' }],
      ['rails-html-sanitizer-1.6.0.gemspec', { name: 'rails-html-sanitizer', version: '1.6.0' }],
      ['rack-3.0.0.beta1.gemspec', { name: 'rack', version: '3.0.0.beta1' }],
      ['foo-1.0.0-rc-1.gemspec', { name: 'foo', version: '1.0.0-rc-1' }],
      ['nokogiri-1.15.4-x86_64-linux.gemspec', { name: 'nokogiri', version: '1.15.4', platform: 'x86_64-linux' }],
      ['ffi-1.16.3-x64-mingw-ucrt.gemspec', { name: 'ffi', version: '1.16.3', platform: 'x64-mingw-ucrt' }],
      ['jruby-openssl-0.14.2-java.gemspec', { name: 'jruby-openssl', version: '0.14.2', platform: 'java' }],
      ['mystery.gemspec', undefined],
    ];
    for (const [name, expected] of cases) assert.deepEqual(parseGemspecFileName(name), expected, name);
  });
});
