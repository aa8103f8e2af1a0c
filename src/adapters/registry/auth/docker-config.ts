/**
 * Registry credentials from Docker's client config (`$DOCKER_CONFIG/config.json`, else
 * `~/.docker/config.json`), the file `docker login` writes. Credential helpers and stores are
 * programs; Bosun never runs them, it says so when the registry asks for credentials that live there.
 * ref. docker/cli cli/config/configfile (auths, credsStore, credHelpers; Docker Hub key
 * `https://index.docker.io/v1/`).
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BosunError } from '../../../kernel/index.js';
import { DOCKER_HUB } from '../reference.js';
import { DockerConfigFile } from '../schema.js';

export type RegistryCredential =
  | { kind: 'basic'; username: string; password: string; source: string }
  /** An OAuth2 refresh token (`docker login` against some registries): traded for an access token. */
  | { kind: 'identity-token'; token: string; username?: string; source: string }
  /** Credentials live in `docker-credential-<helper>`, which Bosun does not run. */
  | { kind: 'helper'; helper: string; source: string };

export interface DockerConfigOptions {
  /** Path of a config.json; overrides the environment. */
  path?: string;
  /** Environment to read `DOCKER_CONFIG` and `HOME` from. @default process.env */
  env?: Record<string, string | undefined>;
}

/** Where Docker's client would read its config for this environment. */
export function dockerConfigPath(options: DockerConfigOptions = {}): string {
  if (options.path !== undefined) return options.path;
  const env = options.env ?? process.env;
  const dir = env['DOCKER_CONFIG'];
  if (dir !== undefined && dir !== '') return join(dir, 'config.json');
  return join(env['HOME'] ?? homedir(), '.docker', 'config.json');
}

/** `host[:port]` of an `auths` key, which may be a bare host or a URL (`https://host/v1/`). */
export function normaliseAuthKey(key: string): string {
  let host = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = host.indexOf('/');
  if (slash >= 0) host = host.slice(0, slash);
  host = host.toLowerCase();
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? DOCKER_HUB : host;
}

/**
 * The credential for `registry` (as normalised by parseImageReference, e.g. `docker.io`), or
 * undefined when the config has none or does not exist. Throws `config.invalid` for a config
 * that is not valid JSON or has the wrong shape.
 */
export async function findCredential(registry: string, options: DockerConfigOptions = {}): Promise<RegistryCredential | undefined> {
  const source = dockerConfigPath(options);
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (cause) {
    if (cause instanceof Error && 'code' in cause && (cause.code === 'ENOENT' || cause.code === 'ENOTDIR')) return undefined;
    throw new BosunError('input.read', `cannot read the Docker config: ${cause instanceof Error ? cause.message : String(cause)}`, { file: source, cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new BosunError('config.invalid', 'the Docker config is not valid JSON', { file: source, cause });
  }
  const parsed = DockerConfigFile.safeParse(json);
  if (!parsed.success) {
    throw new BosunError('config.invalid', `the Docker config has an unexpected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { file: source });
  }
  const config = parsed.data;
  const wanted = registry.toLowerCase();

  // Docker consults a registry's credential helper before anything else.
  for (const [key, helper] of Object.entries(config.credHelpers ?? {})) {
    if (normaliseAuthKey(key) === wanted) return { kind: 'helper', helper, source };
  }
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    if (normaliseAuthKey(key) !== wanted) continue;
    if (entry.identitytoken !== undefined && entry.identitytoken !== '') {
      const credential: RegistryCredential = { kind: 'identity-token', token: entry.identitytoken, source };
      if (entry.username !== undefined && entry.username !== '') credential.username = entry.username;
      return credential;
    }
    if (entry.auth !== undefined && entry.auth !== '') {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) throw new BosunError('config.invalid', `the "auth" of ${key} is not base64 of user:password`, { file: source });
      return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source };
    }
    if (entry.username !== undefined && entry.password !== undefined) {
      return { kind: 'basic', username: entry.username, password: entry.password, source };
    }
  }
  // `docker login` with a credsStore leaves only empty `auths` entries behind.
  if (config.credsStore !== undefined && config.credsStore !== '') return { kind: 'helper', helper: config.credsStore, source };
  return undefined;
}
