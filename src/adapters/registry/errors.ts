/**
 * Turning what went wrong on the wire into one clear line that names the image and the registry:
 * HTTP statuses with the registry's JSON error codes, and connection, DNS, TLS and timeout failures.
 * ref. OCI distribution-spec v1.1 "Error Codes" (NAME_UNKNOWN, MANIFEST_UNKNOWN, BLOB_UNKNOWN,
 * UNAUTHORIZED, DENIED, TOOMANYREQUESTS ...).
 */
import { BosunError, isBosunError } from '../../kernel/index.js';
import { readBounded } from './http/body.js';
import { ErrorBody } from './schema.js';

/** Who we were talking to, for messages. */
export interface ErrorScope {
  /** The normalised image reference, e.g. `docker.io/library/alpine:3.19`. */
  image: string;
  /** The host the request went to. */
  host: string;
  /** A hint about credentials (where they came from, or how to add some). */
  credentialHint: string;
}

const CODE_TEXT: Record<string, string> = {
  MANIFEST_UNKNOWN: 'manifest unknown: no such tag or digest',
  NAME_UNKNOWN: 'repository name unknown: no such repository',
  BLOB_UNKNOWN: 'blob unknown',
  UNAUTHORIZED: 'authentication required',
  DENIED: 'access denied',
  TOOMANYREQUESTS: 'too many requests (rate limited)',
  NAME_INVALID: 'invalid repository name',
  UNSUPPORTED: 'operation not supported',
};

/** The BosunError for an unexpected HTTP status; reads (a bounded part of) the error body. */
export async function statusError(response: Response, what: string, scope: ErrorScope): Promise<BosunError> {
  let codes: { code: string; message?: string | undefined }[] = [];
  try {
    const body = await readBounded(response, 64 * 1024, 'error body');
    const parsed = ErrorBody.safeParse(JSON.parse(body.toString('utf8')));
    if (parsed.success) codes = parsed.data.errors;
  } catch {
    // not JSON, or too large: the status alone has to do
  }
  const first = codes[0];
  const detail = first === undefined
    ? `HTTP ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`
    : `${CODE_TEXT[first.code] ?? first.code.toLowerCase()} (${first.code}${first.message !== undefined && first.message !== '' ? `: ${first.message}` : ''}; HTTP ${response.status})`;
  let hint = '';
  if (response.status === 401) hint = `; ${scope.credentialHint} (registries also answer 401 for repositories that do not exist or are private)`;
  else if (response.status === 403) hint = `; the credentials are valid but may not pull this repository (${scope.credentialHint})`;
  else if (response.status === 404 && first === undefined) hint = '; check the repository name and the tag or digest';
  else if (response.status === 429) hint = '; wait, or log in for a higher limit';
  return new BosunError('input.read', `${what} of ${scope.image} from ${scope.host}: ${detail}${hint}`);
}

/** The BosunError for a request that got no HTTP answer at all. */
export function transportError(cause: unknown, what: string, scope: ErrorScope, timeoutMs: number): BosunError {
  if (isBosunError(cause)) return cause;
  const where = `${what} of ${scope.image} from ${scope.host}`;
  const name = cause instanceof Error ? cause.name : '';
  // node:https wraps the signal's reason: AbortError { cause: TimeoutError }
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause.name : '';
  if (name === 'TimeoutError' || (name === 'AbortError' && inner === 'TimeoutError')) return new BosunError('input.read', `${where}: no answer within ${timeoutMs} ms`, { cause });
  if (name === 'AbortError') return new BosunError('input.read', `${where}: cancelled`, { cause });
  const code = errorCode(cause);
  if (code === undefined && describeCause(cause).endsWith('bad port')) {
    return new BosunError('input.read', `${where}: Node's fetch refuses this port (a "bad port" in the Fetch standard); serve the registry on another port`, { cause });
  }
  const text = code === undefined ? describeCause(cause) : code;
  if (code === 'ECONNREFUSED') return new BosunError('input.read', `${where}: connection refused (is the registry running and the port right?)`, { cause });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new BosunError('input.read', `${where}: cannot resolve the host name (${code})`, { cause });
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return new BosunError('input.read', `${where}: connection closed by the server (${code})`, { cause });
  if (code !== undefined && (/CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))) {
    return new BosunError('input.read', `${where}: TLS failure (${code}); for a registry with a self-signed certificate or plain HTTP, use --insecure`, { cause });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return new BosunError('input.read', `${where}: connection timed out (${code})`, { cause });
  return new BosunError('input.read', `${where}: request failed (${text})`, { cause });
}

/** Node's fetch wraps the socket error: `TypeError('fetch failed', { cause: { code } })`. */
function errorCode(value: unknown): string | undefined {
  for (let current = value, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
  }
  return undefined;
}

function describeCause(value: unknown): string {
  const messages: string[] = [];
  for (let current = value, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) messages.push(current.message);
  return messages.length === 0 ? String(value) : messages.join(': ');
}
