import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { dotnetPackagesLock } from './index.js';

const none: FileReader = { readText: async () => undefined };

const lock = `{
  "version": 1,
  "dependencies": {
    "net8.0": {
      "Newtonsoft.Json": {
        "type": "Direct",
        "requested": "[13.0.3, )",
        "resolved": "13.0.3",
        "contentHash": "HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ=="
      },
      "System.Runtime": {
        "type": "Transitive",
        "resolved": "4.3.0",
        "contentHash": "JufQi0vPQ0xGnAczR13AUFglDyVYt4Kqnz1AZaiKZ5+GICq0/1MH/mO/eAJHt/mHW1zjKBJd7kV26SrxddAhiw=="
      },
      "My.Library": {
        "type": "Project",
        "dependencies": { "Newtonsoft.Json": "[13.0.3, )" }
      }
    },
    "net8.0/linux-x64": {
      "System.Runtime": {
        "type": "Transitive",
        "resolved": "4.3.0"
      }
    }
  }
}`;

describe('dotnet-packages-lock', () => {
  it('reports each package version once, across frameworks, without project references', async () => {
    const out = await dotnetPackagesLock.analyze({ path: 'src/App/packages.lock.json', content: lock, files: none });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(
      out.packages.map((p) => [p.name, p.version, p.ecosystem, p.purl, p.locations[0]?.line, p.metadata]),
      [
        ['Newtonsoft.Json', '13.0.3', 'NuGet', 'pkg:nuget/Newtonsoft.Json@13.0.3', 5, { direct: true, frameworks: ['net8.0'] }],
        ['System.Runtime', '4.3.0', 'NuGet', 'pkg:nuget/System.Runtime@4.3.0', 11, { direct: false, frameworks: ['net8.0', 'net8.0/linux-x64'] }],
      ],
    );
  });

  it('reports garbage and entries without a resolved version', async () => {
    const garbage = await dotnetPackagesLock.analyze({ path: 'packages.lock.json', content: 'not json', files: none });
    assert.equal(garbage.errors.length, 1);
    assert.equal(garbage.errors[0]?.path, 'packages.lock.json');
    const missing = await dotnetPackagesLock.analyze({
      path: 'packages.lock.json',
      content: '{\n "version": 1,\n "dependencies": {\n  "net8.0": {\n   "A": {"type": "Direct"}\n  }\n }\n}',
      files: none,
    });
    assert.equal(missing.errors[0]?.line, 5);
    const shape = await dotnetPackagesLock.analyze({ path: 'packages.lock.json', content: '{"dependencies": {}}', files: none });
    assert.match(shape.errors[0]?.message ?? '', /version/);
  });
});
