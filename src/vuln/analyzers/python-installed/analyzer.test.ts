import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { pythonInstalled } from './index.js';

const none: FileReader = { readText: async () => undefined };

const metadata = `Metadata-Version: 2.1
Name: Flask_Login
Version: 0.6.3
Summary: User session management for Flask
License: MIT
Classifier: Framework :: Flask
Requires-Dist: Flask>=1.0.4
Description-Content-Type: text/markdown

Name: not-a-header
Version: 9.9.9
`;

describe('python-installed', () => {
  it('matches dist-info and egg-info metadata', () => {
    assert.equal(pythonInstalled.matches('usr/lib/python3/site-packages/flask_login-0.6.3.dist-info/METADATA'), true);
    assert.equal(pythonInstalled.matches('site-packages/foo-1.0-py3.9.egg-info/PKG-INFO'), true);
    assert.equal(pythonInstalled.matches('site-packages/foo-1.0.egg/EGG-INFO/PKG-INFO'), true);
    assert.equal(pythonInstalled.matches('site-packages/foo-1.0-py2.7.egg-info'), true);
    assert.equal(pythonInstalled.matches('foo-1.0/PKG-INFO'), false);
    assert.equal(pythonInstalled.matches('x.dist-info/RECORD'), false);
  });

  it('reads Name and Version from the headers only', async () => {
    const out = await pythonInstalled.analyze({ path: 'sp/flask_login-0.6.3.dist-info/METADATA', content: metadata, files: none });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages, [
      {
        name: 'Flask_Login',
        version: '0.6.3',
        ecosystem: 'PyPI',
        purl: 'pkg:pypi/flask-login@0.6.3',
        depGroups: [],
        locations: [{ path: 'sp/flask_login-0.6.3.dist-info/METADATA', line: 2 }],
        metadata: { 'metadata-version': '2.1', license: 'MIT' },
      },
    ]);
  });

  it('reports metadata without a Version and lines that are no header', async () => {
    const noVersion = await pythonInstalled.analyze({ path: 'x.dist-info/METADATA', content: 'Metadata-Version: 2.1\nName: x\n', files: none });
    assert.deepEqual(noVersion.errors, [{ path: 'x.dist-info/METADATA', line: 2, message: 'metadata has no Version header' }]);
    const garbage = await pythonInstalled.analyze({ path: 'x.dist-info/METADATA', content: '\u0000\u0001garbage', files: none });
    assert.equal(garbage.errors.length, 1);
    assert.equal(garbage.packages.length, 0);
  });
});
