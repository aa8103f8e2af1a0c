/**
 * The distribution API client for one repository: picks the scheme, sends Accept and
 * Authorization, answers 401 challenges once per request, follows redirects without carrying
 * credentials to other hosts, and maps failures to BosunErrors that name image and registry.
 * ref. OCI distribution-spec v1.1 ("Pulling manifests", "Pulling blobs": 307 redirects to storage);
 * Docker token authentication spec.
 */
import type { Transform } from 'node:stream';
import { BosunError } from '../../kernel/index.js';
import { createAuthorizer } from './auth/authorizer.js';
import type { RegistryCredential } from './auth/docker-config.js';
import { verifiedBlobStream } from './blob.js';
import { statusError, transportError, type ErrorScope } from './errors.js';
import { discard, readBounded } from './http/body.js';
import { insecureHttpsFetch } from './http/insecure-fetch.js';
import { MANIFEST_ACCEPT } from './media-types.js';
import type { ImageReference } from './reference.js';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RegistryClientOptions {
  reference: ImageReference;
  credential: RegistryCredential | undefined;
  /** The Docker config file credentials come (or would come) from, for hints. */
  configPath: string;
  /** Try HTTPS without certificate verification, then plain HTTP. */
  insecure: boolean;
  fetch?: FetchLike;
  timeoutMs: number;
  userAgent: string;
}

export interface FetchedManifest {
  bytes: Buffer;
  contentType: string | undefined;
  /** The Docker-Content-Digest header, when the registry sent one. */
  digestHeader: string | undefined;
}

export interface RegistryClient {
  getManifest(reference: string, maxBytes: number): Promise<FetchedManifest>;
  getBlob(digest: string, maxBytes: number, what: string): Promise<Buffer>;
  openBlob(digest: string, size: number, what: string): Promise<Transform>;
  close(): void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const ref = options.reference;
  const host = ref.endpoint;
  const scope: ErrorScope = { image: ref.canonical, host, credentialHint: credentialHint(options) };
  const closing = new AbortController();
  const schemes = options.insecure ? ['https:', 'http:'] : ['https:'];
  let base: string | undefined;

  const fetchFor = (url: URL): FetchLike => {
    if (options.fetch !== undefined) return options.fetch;
    if (options.insecure && url.protocol === 'https:' && url.host === host) return insecureHttpsFetch;
    return globalThis.fetch;
  };
  const send = (url: string, init: RequestInit): Promise<Response> => fetchFor(new URL(url))(url, init);
  const authorizer = createAuthorizer({
    repository: ref.repository,
    credential: () => Promise.resolve(options.credential),
    insecure: options.insecure,
    send,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    scope,
  });

  /** One GET with redirects followed; the registry's Authorization goes only to the registry host. */
  async function follow(start: URL, accept: string | undefined, signal: AbortSignal, what: string): Promise<{ response: Response; url: URL }> {
    let url = start;
    for (let hops = 0; ; hops++) {
      const headers: Record<string, string> = { 'user-agent': options.userAgent };
      if (accept !== undefined) headers['accept'] = accept;
      const authorization = url.host === host ? authorizer.header() : undefined;
      if (authorization !== undefined) headers['authorization'] = authorization;
      const response = await fetchFor(url)(url.href, { method: 'GET', headers, redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null) return { response, url };
      await discard(response);
      if (hops >= MAX_REDIRECTS) throw new BosunError('input.read', `${what} of ${scope.image} from ${host}: more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, url);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') throw new BosunError('input.read', `${what} of ${scope.image} from ${host}: redirect to an unsupported URL ${next.protocol}`);
      if (url.protocol === 'https:' && next.protocol === 'http:' && !options.insecure) {
        throw new BosunError('input.read', `${what} of ${scope.image} from ${host}: refusing a redirect from HTTPS to plain HTTP (${next.host}) without --insecure`);
      }
      url = next;
    }
  }

  /** GET a registry path: fixes the scheme on first contact, answers one 401 challenge. */
  async function get(path: string, accept: string | undefined, signal: AbortSignal, what: string): Promise<Response> {
    let answered = false;
    for (;;) {
      let result: { response: Response; url: URL } | undefined;
      const candidates = base === undefined ? schemes.map((s) => `${s}//${host}`) : [base];
      for (const [i, candidate] of candidates.entries()) {
        try {
          result = await follow(new URL(path, candidate), accept, signal, what);
          base = candidate;
          break;
        } catch (cause) {
          // --insecure: no HTTPS answer (refused, or a plain-HTTP server) falls back to HTTP, as Docker does.
          if (i < candidates.length - 1 && !signal.aborted && !(cause instanceof BosunError)) continue;
          throw transportError(cause, what, scope, options.timeoutMs);
        }
      }
      if (result === undefined) throw new BosunError('internal', 'no registry URL to try');
      const { response, url } = result;
      if (response.status === 401 && !answered && url.host === host) {
        answered = true;
        await discard(response);
        await authorizer.respond(response.headers.get('www-authenticate'));
        continue;
      }
      return response;
    }
  }

  const repoPath = `/v2/${ref.repository}`;
  const boundedSignal = (): AbortSignal => AbortSignal.any([closing.signal, AbortSignal.timeout(options.timeoutMs)]);
  const guard = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (cause) {
      throw transportError(cause, what, scope, options.timeoutMs);
    }
  };

  return {
    getManifest(reference, maxBytes) {
      const what = 'manifest';
      return guard(what, async () => {
        const response = await get(`${repoPath}/manifests/${reference}`, MANIFEST_ACCEPT, boundedSignal(), what);
        if (response.status !== 200) throw await statusError(response, what, scope);
        const bytes = await readBounded(response, maxBytes, `the manifest of ${scope.image}`);
        return {
          bytes,
          contentType: response.headers.get('content-type') ?? undefined,
          digestHeader: response.headers.get('docker-content-digest') ?? undefined,
        };
      });
    },

    getBlob(digest, maxBytes, what) {
      return guard(what, async () => {
        const response = await get(`${repoPath}/blobs/${digest}`, undefined, boundedSignal(), what);
        if (response.status !== 200) throw await statusError(response, what, scope);
        return readBounded(response, maxBytes, `${what} of ${scope.image}`);
      });
    },

    openBlob(digest, size, what) {
      return guard(what, async () => {
        // The timeout bounds the wait for headers; after that, the stream's idle timer takes over.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), options.timeoutMs);
        const signal = AbortSignal.any([closing.signal, controller.signal]);
        try {
          const response = await get(`${repoPath}/blobs/${digest}`, undefined, signal, what);
          if (response.status !== 200) throw await statusError(response, what, scope);
          return verifiedBlobStream(response, { digest, size, what: `${what} of ${scope.image}`, controller, idleMs: options.timeoutMs });
        } finally {
          clearTimeout(timer);
        }
      });
    },

    close() {
      closing.abort(new BosunError('input.read', `${scope.image}: closed`));
    },
  };
}

function credentialHint(options: RegistryClientOptions): string {
  const credential = options.credential;
  const registry = options.reference.registry;
  if (credential === undefined) return `log in with "docker login ${registry}" (Bosun reads ${options.configPath}; set DOCKER_CONFIG to use another directory)`;
  if (credential.kind === 'helper') {
    return `the credentials for ${registry} are in "docker-credential-${credential.helper}" (${credential.source}), which Bosun does not run: write a config.json with an "auths" entry for ${registry} and point DOCKER_CONFIG at its directory`;
  }
  return `check the credentials for ${registry} in ${credential.source}`;
}
