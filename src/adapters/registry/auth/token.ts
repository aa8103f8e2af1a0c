/**
 * The token endpoint of Docker token authentication: GET `realm?service=...&scope=...` (with Basic
 * credentials when we have some, anonymously otherwise), or, for an identity token saved by
 * `docker login`, the OAuth2 refresh-token grant by POST.
 * ref. Docker registry token authentication spec ("Requesting a Token", "Token Response Fields":
 * `token` or `access_token`, `expires_in` default 60 s); Docker OAuth2 token spec (grant_type=refresh_token).
 */
import { BosunError } from '../../../kernel/index.js';
import { statusError, transportError, type ErrorScope } from '../errors.js';
import { readBounded } from '../http/body.js';
import { TokenAnswer } from '../schema.js';
import type { RegistryCredential } from './docker-config.js';

export interface TokenRequest {
  realm: string;
  service?: string;
  scopes: string[];
  credential?: RegistryCredential;
  /** Allows sending credentials to a plain-HTTP realm. */
  insecure: boolean;
  send: (url: string, init: RequestInit) => Promise<Response>;
  userAgent: string;
  timeoutMs: number;
  scope: ErrorScope;
}

export interface Token {
  token: string;
  /** Seconds the token is valid for. */
  expiresIn: number;
}

/** ref. Docker token authentication spec: "If the expires_in is not specified, 60 seconds". */
const DEFAULT_TOKEN_SECONDS = 60;

export async function requestToken(request: TokenRequest): Promise<Token> {
  let realm: URL;
  try {
    realm = new URL(request.realm);
  } catch {
    throw new BosunError('input.read', `authentication for ${request.scope.image}: the registry ${request.scope.host} named an invalid token realm "${request.realm}"`);
  }
  if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
    throw new BosunError('input.read', `authentication for ${request.scope.image}: unsupported token realm "${request.realm}"`);
  }
  const credential = request.credential;
  const sendsSecret = credential !== undefined && credential.kind !== 'helper';
  if (sendsSecret && realm.protocol === 'http:' && !request.insecure) {
    throw new BosunError('input.read', `authentication for ${request.scope.image}: the token realm ${realm.origin} is plain HTTP; refusing to send credentials there without --insecure`);
  }
  const scope: ErrorScope = { ...request.scope, host: realm.host };
  const headers: Record<string, string> = { 'user-agent': request.userAgent, accept: 'application/json' };
  let init: RequestInit;
  if (credential?.kind === 'identity-token') {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credential.token, client_id: 'bosun' });
    if (request.service !== undefined) form.set('service', request.service);
    if (request.scopes.length > 0) form.set('scope', request.scopes.join(' '));
    headers['content-type'] = 'application/x-www-form-urlencoded';
    init = { method: 'POST', headers, body: form.toString() };
  } else {
    if (request.service !== undefined) realm.searchParams.set('service', request.service);
    for (const s of request.scopes) realm.searchParams.append('scope', s);
    if (credential?.kind === 'basic') headers['authorization'] = basicHeader(credential.username, credential.password);
    init = { method: 'GET', headers };
  }

  let response: Response;
  try {
    response = await request.send(realm.toString(), { ...init, signal: AbortSignal.timeout(request.timeoutMs) });
  } catch (cause) {
    throw transportError(cause, 'token request', scope, request.timeoutMs);
  }
  if (response.status === 404 && credential?.kind === 'identity-token') {
    await response.body?.cancel().catch(() => undefined);
    throw new BosunError('input.read', `authentication for ${request.scope.image}: the token endpoint ${realm.host} does not take the identity token saved in ${credential.source} (OAuth2 refresh tokens); log in again with a password or access token`);
  }
  if (response.status !== 200) throw await statusError(response, 'token request', scope);
  let answer: unknown;
  try {
    answer = JSON.parse((await readBounded(response, 1024 * 1024, 'token answer')).toString('utf8'));
  } catch (cause) {
    throw new BosunError('input.read', `authentication for ${request.scope.image}: the token endpoint ${realm.host} did not answer JSON`, { cause });
  }
  const parsed = TokenAnswer.safeParse(answer);
  const token = parsed.success ? parsed.data.token ?? parsed.data.access_token : undefined;
  if (token === undefined || token === '') {
    throw new BosunError('input.read', `authentication for ${request.scope.image}: the token endpoint ${realm.host} answered without a token`);
  }
  const expiresIn = parsed.success && parsed.data.expires_in !== undefined && parsed.data.expires_in > 0 ? parsed.data.expires_in : DEFAULT_TOKEN_SECONDS;
  return { token, expiresIn };
}

/** ref. RFC 7617: `Basic base64(user ":" password)`. */
export function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
