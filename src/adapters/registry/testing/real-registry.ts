/**
 * Starts Debian's `docker-registry` (distribution v2) on 127.0.0.1 with a free port and its own
 * config, for tests against a real registry. Optionally with htpasswd (Basic) authentication.
 * See shared/recipes/real-image-in-local-registry.md for the config and its gotchas.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface RealRegistry {
  host: string;
  stop(): Promise<void>;
}

/** Tools a real-registry test needs that are missing from PATH. */
export function missingTools(tools: [string, ...string[]][]): string[] {
  return tools.filter(([cmd, ...args]) => spawnSync(cmd, args, { stdio: 'ignore' }).status !== 0).map(([cmd]) => cmd);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

export async function startRealRegistry(dir: string, htpasswdFile?: string): Promise<RealRegistry> {
  const port = await freePort();
  const config = join(dir, 'config.yml');
  const log = join(dir, 'registry.log');
  const auth = htpasswdFile === undefined ? '' : `auth:\n  htpasswd:\n    realm: bosun-test\n    path: ${htpasswdFile}\n`;
  await writeFile(config, `version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${join(dir, 'data')}
${auth}http:
  addr: 127.0.0.1:${port}
  secret: bosun-test-secret
  headers:
    X-Content-Type-Options: [nosniff]
`);
  const fd = openSync(log, 'w');
  const child: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const host = `127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const response = await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.status === 200 || response.status === 401) break;
    } catch {
      // not listening yet
    }
    if (exited || Date.now() > deadline) {
      child.kill();
      throw new Error(`docker-registry did not start on ${host}:\n${await readFile(log, 'utf8').catch(() => '')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host,
    async stop() {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** A bcrypt htpasswd line (the only hash distribution accepts), from htpasswd or Python's crypt. */
export function htpasswdLine(user: string, password: string): string | undefined {
  const apache = spawnSync('htpasswd', ['-Bbn', '-C', '5', user, password], { encoding: 'utf8' });
  if (apache.status === 0) return apache.stdout.trim();
  const python = spawnSync('python3', ['-W', 'ignore', '-c',
    'import crypt,sys; print(sys.argv[1] + ":" + crypt.crypt(sys.argv[2], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=32)))', user, password], { encoding: 'utf8' });
  const line = python.stdout?.trim() ?? '';
  return python.status === 0 && /:\$2[aby]\$/.test(line) ? line : undefined;
}
