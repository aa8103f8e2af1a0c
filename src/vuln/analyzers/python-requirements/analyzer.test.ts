import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { parseRequirement, pythonRequirements } from './index.js';

function reader(files: Record<string, string>): FileReader {
  return { readText: async (path) => files[path] };
}

describe('python-requirements', () => {
  it('matches requirements files only', () => {
    assert.equal(pythonRequirements.matches('app/requirements-dev.txt'), true);
    assert.equal(pythonRequirements.matches('app/dev-requirements.txt'), true);
    assert.equal(pythonRequirements.matches('app/requirements.in'), false);
    assert.equal(pythonRequirements.matches('app/notes.txt'), false);
  });

  it('reads operators, markers, parentheses and bounds', () => {
    const version = (line: string): string | undefined => {
      const r = parseRequirement(line);
      return r.kind === 'requirement' ? `${r.value.comparator ?? '=='}${r.value.version}` : r.kind;
    };
    assert.equal(version('a===1.0'), '===1.0');
    assert.equal(version('a<=2'), '<=2');
    assert.equal(version('a<2'), '==');
    assert.equal(version('a>1'), '==');
    assert.equal(version('zope.interface (==5.0)'), '==5.0');
    assert.equal(version('a==1.0; sys_platform == "win32"'), '==1.0');
    assert.equal(version('a @ https://example.com/a.whl'), 'unversioned-source');
    assert.equal(version('git+https://example.com/a.git#egg=a'), 'unversioned-source');
    assert.equal(version('a 1.0'), 'invalid');
  });

  it('follows -r forms relative to the including file, once each, and reports missing includes', async () => {
    const files = reader({
      'app/base.txt': 'b==2\n--requirement=../shared/common.txt\n',
      'shared/common.txt': 'c==3\n-r ../app/base.txt\n',
    });
    const out = await pythonRequirements.analyze({ path: 'app/requirements.txt', content: 'a==1\n-rbase.txt\n-r base.txt\n-r missing.txt\n', files });
    assert.deepEqual(
      out.packages.map((p) => [p.name, p.locations.map((l) => `${l.path}:${l.line}`).join(' ')]),
      [
        ['a', 'app/requirements.txt:1'],
        ['b', 'app/requirements.txt:2 app/base.txt:1'],
        ['c', 'app/requirements.txt:2 shared/common.txt:1'],
      ],
    );
    assert.deepEqual(out.errors, [{ path: 'app/requirements.txt', line: 4, message: 'included requirements file missing.txt not found' }]);
  });

  it('joins continuation lines at the number of their first line, but not after a comment', async () => {
    const content = '# note \\\nfoo==1.0 \\\n  --hash=sha256:abc\n';
    const out = await pythonRequirements.analyze({ path: 'requirements.txt', content, files: reader({}) });
    assert.deepEqual(out.packages.map((p) => [p.name, p.locations[0]?.line, p.metadata?.['hashCheckingModeValues']]), [['foo', 2, ['sha256:abc']]]);
  });

  it('reports binary content instead of reading it as requirements', async () => {
    const out = await pythonRequirements.analyze({ path: 'requirements.txt', content: 'a==1\n\u0000\u0001garbage', files: reader({}) });
    assert.deepEqual(out, { packages: [], errors: [{ path: 'requirements.txt', line: 2, message: 'binary content: not a requirements file' }] });
  });
});
