/**
 * The policy engine (JMESPath, CEL, loaders: about 60 modules) is imported only when a policy
 * command runs, so `bosun --version` and other commands start without it. Checked in a child
 * process with a module-load hook that lists every module Node loads.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const MAIN = fileURLToPath(new URL('../../../main.js', import.meta.url));
const EXAMPLE_POLICY = fileURLToPath(new URL('../../../../../examples/policies/require-team-and-pinned-images.yaml', import.meta.url));

async function loadedModules(args: readonly string[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bosun-lazy-'));
  const list = join(dir, 'loaded.txt');
  await writeFile(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, context); }\n`);
  await writeFile(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  await writeFile(list, '');
  const child = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), MAIN, ...args], { encoding: 'utf8' });
  assert.ok(child.status === 0 || child.status === 1, child.stderr);
  return (await readFile(list, 'utf8')).split('\n').filter((l) => l !== '');
}

const isPolicyEngine = (url: string): boolean => /\/src\/policy\/|@marcbachmann\/cel-js|@jmespath-community/.test(url);

describe('policy command start-up', () => {
  it('bosun --version loads no policy engine module', async () => {
    const loaded = await loadedModules(['--version']);
    assert.ok(loaded.some((u) => u.endsWith('/src/cli/commands/policy/command.js')), 'the hook saw the command definitions');
    assert.deepEqual(loaded.filter(isPolicyEngine), []);
  });

  it('bosun policy apply loads the engine when it runs', async () => {
    const loaded = await loadedModules(['policy', 'apply', '-p', EXAMPLE_POLICY, '-r', EXAMPLE_POLICY]);
    assert.ok(loaded.some((u) => u.endsWith('/src/policy/engine.js')));
  });
});
