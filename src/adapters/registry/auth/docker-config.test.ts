import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BosunError } from '../../../kernel/index.js';
import { dockerConfigPath, findCredential, normaliseAuthKey } from './docker-config.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('docker config credentials', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bosun-dockercfg-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  async function config(content: unknown): Promise<string> {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  it('resolves the path like the docker CLI', () => {
    assert.equal(dockerConfigPath({ env: { DOCKER_CONFIG: '/cfg', HOME: '/home/u' } }), '/cfg/config.json');
    assert.equal(dockerConfigPath({ env: { HOME: '/home/u' } }), '/home/u/.docker/config.json');
    assert.equal(dockerConfigPath({ path: '/x.json', env: { DOCKER_CONFIG: '/cfg' } }), '/x.json');
  });

  it('normalises auths keys given as hosts or URLs', () => {
    assert.equal(normaliseAuthKey('https://index.docker.io/v1/'), 'docker.io');
    assert.equal(normaliseAuthKey('http://LocalHost:5000/v2/'), 'localhost:5000');
    assert.equal(normaliseAuthKey('ghcr.io'), 'ghcr.io');
  });

  it('reads auth, username/password and identity tokens', async () => {
    const path = await config({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hub:p:w') },
        'ghcr.io': { username: 'u', password: 'p' },
        'https://quay.io': { identitytoken: 'refresh' },
      },
    });
    assert.deepEqual(await findCredential('docker.io', { path }), { kind: 'basic', username: 'hub', password: 'p:w', source: path });
    assert.deepEqual(await findCredential('ghcr.io', { path }), { kind: 'basic', username: 'u', password: 'p', source: path });
    assert.deepEqual(await findCredential('quay.io', { path }), { kind: 'identity-token', token: 'refresh', source: path });
    assert.equal(await findCredential('other.example', { path }), undefined);
  });

  it('finds the file through DOCKER_CONFIG', async () => {
    await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: { 'r.example': { auth: b64('a:b') } } }));
    assert.equal((await findCredential('r.example', { env: { DOCKER_CONFIG: dir } }))?.kind, 'basic');
  });

  it('reports credential helpers and stores without running them', async () => {
    const path = await config({ auths: { 'ghcr.io': {} }, credsStore: 'desktop', credHelpers: { 'gcr.io': 'gcloud' } });
    assert.deepEqual(await findCredential('gcr.io', { path }), { kind: 'helper', helper: 'gcloud', source: path });
    assert.deepEqual(await findCredential('ghcr.io', { path }), { kind: 'helper', helper: 'desktop', source: path });
  });

  it('treats a missing file as no credentials and a broken one as a config error', async () => {
    assert.equal(await findCredential('docker.io', { path: join(dir, 'absent.json') }), undefined);
    const broken = await config('{ nope');
    await assert.rejects(findCredential('docker.io', { path: broken }), (e: unknown) => e instanceof BosunError && e.code === 'config.invalid' && e.file === broken);
    const badAuth = await config({ auths: { 'r.example': { auth: b64('nocolon') } } });
    await assert.rejects(findCredential('r.example', { path: badAuth }), /not base64 of user:password/);
  });
});
