/**
 * An in-process registry speaking enough of the distribution API for client tests: manifests and
 * blobs from a map, Basic or Bearer (token endpoint) authentication, and blob redirects to a second
 * "storage" server on another port, so tests can see which headers went where.
 * ref. OCI distribution-spec v1.1 (GET /v2/<name>/manifests/<ref>, /blobs/<digest>, error codes).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { sha256 as sha256Hex } from './image.js';

export interface StoredManifest {
  bytes: Buffer;
  mediaType: string;
  /** Overrides the Docker-Content-Digest header; null sends none. @default the real digest */
  digestHeader?: string | null;
}

export type FakeAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  /** Tokens from /token; with credentials, the token endpoint requires them. */
  | { kind: 'bearer'; username?: string; password?: string; field?: 'token' | 'access_token'; expiresIn?: number };

export interface RecordedRequest {
  server: 'registry' | 'storage';
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FakeRegistry {
  /** `127.0.0.1:port`, to put in image references. */
  host: string;
  manifests: Map<string, StoredManifest>;
  blobs: Map<string, Buffer>;
  auth: FakeAuth;
  /** Send blob GETs to the storage server with a 307. */
  redirectBlobs: boolean;
  requests: RecordedRequest[];
  /** Runs first; return true when it answered the request itself. */
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
  tokenRequests(): RecordedRequest[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ errors: [{ code, message }] }));
}

export interface FakeRegistryOptions {
  /** Serve the registry (not the storage server) over HTTPS with this key and certificate. */
  tls?: { key: string; cert: string };
}

export async function startFakeRegistry(options: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  const registry: FakeRegistry = {
    host: '',
    manifests: new Map(),
    blobs: new Map(),
    auth: { kind: 'none' },
    redirectBlobs: false,
    requests: [],
    tokenRequests: () => registry.requests.filter((r) => r.path.startsWith('/token')),
    close: async () => undefined,
  };
  let tokenCount = 0;
  const issued = new Set<string>();

  const storage = createServer((req, res) => {
    registry.requests.push({ server: 'storage', method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    const digest = decodeURIComponent((req.url ?? '').replace(/^\/store\//, ''));
    const bytes = registry.blobs.get(digest);
    if (bytes === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) }).end(bytes);
  });
  const storagePort = await listen(storage);

  const handler: RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    registry.requests.push({ server: 'registry', method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    if (registry.intercept?.(req, res) === true) return;
    const auth = registry.auth;
    const given = req.headers.authorization;

    if (url.pathname === '/token') {
      if (auth.kind !== 'bearer') return sendError(res, 404, 'UNSUPPORTED', 'no token endpoint');
      if (auth.username !== undefined && given !== `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}`) {
        return sendError(res, 401, 'UNAUTHORIZED', 'bad credentials');
      }
      const token = `tok-${++tokenCount}`;
      issued.add(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ [auth.field ?? 'token']: token, ...(auth.expiresIn === undefined ? {} : { expires_in: auth.expiresIn }) }));
      return;
    }

    const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(url.pathname);
    const name = match?.[1] ?? '';
    if (auth.kind === 'basic' && given !== `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`) {
      return sendError(res, 401, 'UNAUTHORIZED', 'authentication required', { 'www-authenticate': 'Basic realm="fake"' });
    }
    if (auth.kind === 'bearer' && !(given?.startsWith('Bearer ') === true && issued.has(given.slice(7)))) {
      const realm = `${options.tls === undefined ? 'http' : 'https'}://${registry.host}/token`;
      return sendError(res, 401, 'UNAUTHORIZED', 'authentication required', {
        'www-authenticate': `Bearer realm="${realm}",service="fake-registry",scope="repository:${name}:pull"`,
      });
    }
    if (match === null) {
      res.writeHead(url.pathname === '/v2/' ? 200 : 404, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    const [, , kind, ref = ''] = match;
    if (kind === 'manifests') {
      const stored = registry.manifests.get(`${name}:${ref}`) ?? registry.manifests.get(`${name}@${ref}`);
      if (stored === undefined) return sendError(res, 404, 'MANIFEST_UNKNOWN', `manifest unknown: ${ref}`);
      const headers: Record<string, string> = { 'content-type': stored.mediaType, 'content-length': String(stored.bytes.length) };
      const digestHeader = stored.digestHeader === undefined ? sha256Hex(stored.bytes) : stored.digestHeader;
      if (digestHeader !== null) headers['docker-content-digest'] = digestHeader;
      res.writeHead(200, headers).end(stored.bytes);
      return;
    }
    const bytes = registry.blobs.get(ref);
    if (bytes === undefined) return sendError(res, 404, 'BLOB_UNKNOWN', `blob unknown: ${ref}`);
    if (registry.redirectBlobs) {
      res.writeHead(307, { location: `http://127.0.0.1:${storagePort}/store/${encodeURIComponent(ref)}` }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) }).end(bytes);
  };
  const server: Server = options.tls === undefined ? createServer(handler) : createTlsServer(options.tls, handler);
  const port = await listen(server);
  registry.host = `127.0.0.1:${port}`;
  registry.close = async () => {
    server.closeAllConnections();
    storage.closeAllConnections();
    await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => storage.close(r))]);
  };
  return registry;
}

