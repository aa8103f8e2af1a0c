/**
 * Per-image authentication state: which challenge the registry sent, the Authorization header to
 * send next, and bearer tokens cached per realm, service and scope, so one pull asks the token
 * endpoint once rather than once per blob.
 * ref. Docker registry token authentication spec ("How to authenticate": 401 + WWW-Authenticate,
 * then retry with `Authorization: Bearer <token>`); OCI distribution-spec v1.1 leaves auth to it.
 */
import { BosunError } from '../../../kernel/index.js';
import type { ErrorScope } from '../errors.js';
import { parseChallenges, pickChallenge } from './challenge.js';
import type { RegistryCredential } from './docker-config.js';
import { basicHeader, requestToken } from './token.js';

export interface AuthorizerOptions {
  repository: string;
  credential: () => Promise<RegistryCredential | undefined>;
  insecure: boolean;
  send: (url: string, init: RequestInit) => Promise<Response>;
  userAgent: string;
  timeoutMs: number;
  scope: ErrorScope;
  /** Clock in milliseconds, for token expiry. @default Date.now */
  now?: () => number;
}

export interface Authorizer {
  /** The Authorization header for the registry host, once a challenge has been answered. */
  header(): string | undefined;
  /**
   * Answers a 401 from the registry with its WWW-Authenticate value: fetches a token or prepares
   * Basic credentials. Throws a BosunError when there is no way to answer.
   */
  respond(wwwAuthenticate: string | null): Promise<void>;
}

interface CachedToken {
  header: string;
  expiresAt: number;
}

/** Tokens are dropped this long before they expire, so a slow request does not carry a dead one. */
const EXPIRY_MARGIN_MS = 5_000;

export function createAuthorizer(options: AuthorizerOptions): Authorizer {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, CachedToken>();
  let currentKey: string | undefined;
  let basic: string | undefined;

  return {
    header() {
      if (basic !== undefined) return basic;
      if (currentKey === undefined) return undefined;
      const cached = tokens.get(currentKey);
      if (cached === undefined || cached.expiresAt - EXPIRY_MARGIN_MS <= now()) return undefined;
      return cached.header;
    },

    async respond(wwwAuthenticate) {
      const challenge = pickChallenge(parseChallenges(wwwAuthenticate ?? ''));
      if (challenge === undefined) {
        throw new BosunError('input.read', `${options.scope.image} from ${options.scope.host}: the registry asks for authentication (401) with a challenge Bosun does not support: ${wwwAuthenticate === null ? 'no WWW-Authenticate header' : JSON.stringify(wwwAuthenticate)}`);
      }
      const credential = await options.credential();
      if (challenge.scheme === 'basic') {
        if (credential?.kind !== 'basic') throw missingCredential(options.scope, credential, 'Basic');
        basic = basicHeader(credential.username, credential.password);
        return;
      }
      const realm = challenge.params['realm'];
      if (realm === undefined) {
        throw new BosunError('input.read', `${options.scope.image} from ${options.scope.host}: the Bearer challenge has no realm`);
      }
      const service = challenge.params['service'];
      // ref. token spec: scope is `repository:<name>:<actions>`, several separated by spaces.
      const scopes = (challenge.params['scope'] ?? `repository:${options.repository}:pull`).split(' ').filter((s) => s !== '');
      const key = JSON.stringify([realm, service ?? '', scopes]);
      const cached = tokens.get(key);
      // A cached token we have not sent yet answers the challenge; one that was just refused does not.
      if (cached !== undefined && key !== currentKey && cached.expiresAt - EXPIRY_MARGIN_MS > now()) {
        currentKey = key;
        return;
      }
      const token = await requestToken({
        realm,
        ...(service === undefined ? {} : { service }),
        scopes,
        ...(credential === undefined ? {} : { credential }),
        insecure: options.insecure,
        send: options.send,
        userAgent: options.userAgent,
        timeoutMs: options.timeoutMs,
        scope: options.scope,
      });
      tokens.set(key, { header: `Bearer ${token.token}`, expiresAt: now() + token.expiresIn * 1000 });
      currentKey = key;
    },
  };
}

function missingCredential(scope: ErrorScope, credential: RegistryCredential | undefined, scheme: string): BosunError {
  const why = credential === undefined
    ? 'no credentials for it were found'
    : credential.kind === 'helper'
      ? `its credentials are in the credential helper "docker-credential-${credential.helper}" (${credential.source}), and Bosun does not run credential helpers`
      : `the identity token in ${credential.source} only works with Bearer token authentication`;
  return new BosunError('input.read', `${scope.image} from ${scope.host}: the registry requires ${scheme} authentication, but ${why}; ${scope.credentialHint}`);
}
