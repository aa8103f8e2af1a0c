import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { dotnetDepsJson } from './index.js';

const none: FileReader = { readText: async () => undefined };

const deps = `{
  "runtimeTarget": { "name": ".NETCoreApp,Version=v8.0/linux-x64", "signature": "" },
  "compilationOptions": {},
  "targets": {
    ".NETCoreApp,Version=v8.0/linux-x64": {
      "App/1.0.0": { "dependencies": { "Serilog": "3.1.1" }, "runtime": { "App.dll": {} } },
      "Serilog/3.1.1": { "runtime": { "lib/net7.0/Serilog.dll": {} } }
    }
  },
  "libraries": {
    "App/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
    "Serilog/3.1.1": {
      "type": "package",
      "serviceable": true,
      "sha512": "sha512-P6G4/4Kt9bT635bhuwdXlJ2SCqqn2nhh4gqFqQueCOr9bK/e7W9ll/IoX1Ter948cV2Z/5+5v8pAfJYUISY03A==",
      "path": "serilog/3.1.1",
      "hashPath": "serilog.3.1.1.nupkg.sha512"
    },
    "Microsoft.NETCore.App.Runtime.linux-x64/8.0.1": { "type": "runtimepack", "serviceable": false, "sha512": "" },
    "System.Legacy/4.0.0.0": { "type": "reference", "serviceable": false, "sha512": "" }
  }
}`;

describe('dotnet-deps-json', () => {
  it('matches *.deps.json', () => {
    assert.equal(dotnetDepsJson.matches('app/App.deps.json'), true);
    assert.equal(dotnetDepsJson.matches('app/App.runtimeconfig.json'), false);
  });

  it('reports NuGet packages and runtime packs, not projects or assembly references', async () => {
    const out = await dotnetDepsJson.analyze({ path: 'app/App.deps.json', content: deps, files: none });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(
      out.packages.map((p) => [p.name, p.version, p.purl, p.locations[0]?.line]),
      [
        ['Serilog', '3.1.1', 'pkg:nuget/Serilog@3.1.1', 12],
        ['Microsoft.NETCore.App.Runtime.linux-x64', '8.0.1', 'pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@8.0.1', 19],
      ],
    );
  });

  it('reports garbage and library keys without a version', async () => {
    const garbage = await dotnetDepsJson.analyze({ path: 'a.deps.json', content: '{"libraries": [', files: none });
    assert.equal(garbage.errors.length, 1);
    const key = await dotnetDepsJson.analyze({ path: 'a.deps.json', content: '{\n "libraries": {\n  "Serilog": {"type": "package"}\n }\n}', files: none });
    assert.equal(key.errors[0]?.line, 3);
  });
});
