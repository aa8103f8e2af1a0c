/**
 * WWW-Authenticate parsing. A registry answers 401 with a challenge saying how to authenticate:
 * `Basic realm="..."`, or `Bearer realm="https://auth.example/token",service="...",scope="repository:x:pull"`
 * (Docker token authentication). Parameter values may be quoted and contain commas, and a header
 * may carry several challenges. ref. RFC 7235 section 4.1 (challenge, auth-param), RFC 7230 section 3.2.6
 * (token, quoted-string); Docker registry token authentication specification ("How to authenticate").
 */

export interface Challenge {
  /** Scheme, lowercased: `basic`, `bearer`, ... */
  scheme: string;
  /** Parameters with lowercased names; values unquoted. */
  params: Record<string, string>;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/** All challenges in one WWW-Authenticate value, in order. Malformed tails are dropped, never thrown. */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let i = 0;
  const n = header.length;
  const skipSpace = (): void => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && TOKEN_CHAR.test(header[i] ?? '')) i++;
    return header.slice(start, i);
  };
  // A bare value should be a token, but some servers send `realm=https://host/token` unquoted:
  // take everything up to the next comma or space.
  const readBare = (): string => {
    const start = i;
    while (i < n && header[i] !== ',' && header[i] !== ' ' && header[i] !== '\t') i++;
    return header.slice(start, i);
  };
  const readQuoted = (): string => {
    // at the opening quote; a backslash escapes the next character (quoted-pair)
    i++;
    let value = '';
    while (i < n && header[i] !== '"') {
      if (header[i] === '\\' && i + 1 < n) i++;
      value += header[i];
      i++;
    }
    i++; // closing quote (or end of input)
    return value;
  };

  let current: Challenge | undefined;
  while (i < n) {
    skipSpace();
    if (header[i] === ',') {
      i++;
      continue;
    }
    const start = i;
    const word = readToken();
    if (word === '') {
      i++; // a stray character: skip it rather than loop forever
      continue;
    }
    skipSpace();
    if (header[i] === '=' && current !== undefined) {
      // auth-param `name=value` of the current challenge (a token68 `abc==` is not used by registries)
      i++;
      skipSpace();
      const value = header[i] === '"' ? readQuoted() : readBare();
      current.params[word.toLowerCase()] = value;
      continue;
    }
    if (header[i] === '=' && current === undefined) {
      i = start + word.length + 1;
      continue;
    }
    current = { scheme: word.toLowerCase(), params: {} };
    challenges.push(current);
  }
  return challenges;
}

/** The challenge the client can answer: Bearer first (registries that offer both prefer it), then Basic. */
export function pickChallenge(challenges: Challenge[]): Challenge | undefined {
  return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}
