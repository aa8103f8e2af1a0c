/**
 * A real distribution registry (Debian's `docker-registry`, distribution v2) on 127.0.0.1 with its
 * own config, for tests that push with skopeo and pull with Bosun. Debian's default config listens
 * on every interface with htpasswd auth, so the test writes its own.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalRegistry {
  /** `127.0.0.1:PORT`, the host part of image references. */
  host: string;
  /** Pushes an image with skopeo, as an OCI manifest or Docker v2 schema 2. */
  push(source: string, repoAndTag: string, format?: 'oci' | 'v2s2'): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalRegistryOptions {
  /** htpasswd file (bcrypt entries) to require basic auth; open registry when absent. */
  htpasswd?: string;
}

export async function startLocalRegistry(options: LocalRegistryOptions = {}): Promise<LocalRegistry> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bosun-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const auth = options.htpasswd === undefined ? '' : `auth:\n  htpasswd:\n    realm: bosun-test\n    path: ${options.htpasswd}\n`;
  const config = `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${host}\n  headers:\n    X-Content-Type-Options: [nosniff]\n${auth}`;
  const configPath = path.join(dir, 'config.yml');
  await writeFile(configPath, config);
  const child: ChildProcess = spawn('docker-registry', ['serve', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForRegistry(`http://${host}/v2/`, child);
  } catch (error) {
    await stop();
    throw new Error(`docker-registry did not start: ${error instanceof Error ? error.message : String(error)}\n${log}`);
  }
  return {
    host,
    async push(source, repoAndTag, format = 'oci') {
      const args = ['copy', '--quiet', '--dest-tls-verify=false', ...(format === 'v2s2' ? ['--format', 'v2s2'] : []), source, `docker://${host}/${repoAndTag}`];
      await run('skopeo', args, { maxBuffer: 16 * 1024 * 1024, timeout: 5 * 60_000 });
    },
    stop,
  };
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls /v2/ until the registry answers (200, or 401 when auth is on). */
async function waitForRegistry(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with status ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status === 200 || response.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no answer on /v2/ within 20 s');
}
