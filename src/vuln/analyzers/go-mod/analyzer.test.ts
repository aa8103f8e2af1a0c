import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { createGoModAnalyzer, goMod } from './index.js';

function reader(files: Record<string, string>): FileReader {
  return { readText: async (path) => files[path] };
}

describe('go-mod', () => {
  it('gives local replacements no version and keeps // indirect; comments indirect', async () => {
    const content = [
      'module example.com/app',
      'go 1.21',
      'require (',
      '  example.com/a v1.0.0 // indirect; needed by b',
      '  "example.com/b" v2.0.0+incompatible',
      ')',
      'replace example.com/a => ../a',
    ].join('\n');
    const out = await goMod.analyze({ path: 'go.mod', content, files: reader({}) });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(
      out.packages.map((p) => [p.name, p.version, p.locations[0]?.line]),
      [
        ['../a', '', 7],
        ['example.com/b', '2.0.0+incompatible', 5],
        ['stdlib', '1.21', 2],
      ],
    );
    const direct = await createGoModAnalyzer({ excludeIndirect: true }).analyze({ path: 'go.mod', content, files: reader({}) });
    assert.deepEqual(direct.packages.map((p) => p.name), ['example.com/b', 'stdlib']);
  });

  it('reads go.sum when go.mod has no go directive (go 1.16 semantics) and reports a broken go.sum', async () => {
    const content = 'module m\nrequire example.com/a v1.0.0\n';
    const sum = 'example.com/a v1.0.0 h1:x=\nexample.com/b v0.1.0 h1:y=\nexample.com/b v0.1.0/go.mod h1:z=\n';
    const out = await goMod.analyze({ path: 'sub/go.mod', content, files: reader({ 'sub/go.sum': sum }) });
    assert.deepEqual(
      out.packages.map((p) => [p.name, p.locations.map((l) => `${l.path}:${l.line ?? ''}`)]),
      [
        ['example.com/a', ['sub/go.mod:2', 'sub/go.sum:1']],
        ['example.com/b', ['sub/go.mod:', 'sub/go.sum:2']],
      ],
    );
    const broken = await goMod.analyze({ path: 'go.mod', content, files: reader({ 'go.sum': 'garbage line\n' }) });
    assert.deepEqual(broken.errors, [{ path: 'go.sum', line: 1, message: 'go.sum line is not "module version hash"' }]);
  });

  it('reports unknown directives, bad arguments and unterminated blocks', async () => {
    for (const [content, line] of [
      ['module m\nthis is not go.mod', 2],
      ['require example.com/a', 1],
      ['require (\n  example.com/a v1.0.0\n', 2],
      ['replace a v1 =>', 1],
      ['go banana', 1],
    ] as const) {
      const out = await goMod.analyze({ path: 'go.mod', content, files: reader({}) });
      assert.equal(out.packages.length, 0, content);
      assert.equal(out.errors[0]?.line, line, content);
    }
  });
});
