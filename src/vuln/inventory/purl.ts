/**
 * Package URLs. ref. purl-spec: `pkg:type/namespace/name@version?qualifiers#subpath`, with each
 * segment percent-encoded, type lower-case, and per-type name rules (npm/pypi lower-case, pypi `_`→`-`).
 */
export interface PurlParts {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers?: Record<string, string>;
  subpath?: string;
}

export function formatPurl(parts: PurlParts): string {
  const type = parts.type.toLowerCase();
  let name = parts.name;
  let namespace = parts.namespace;
  if (type === 'pypi') name = name.toLowerCase().replace(/_/g, '-');
  if (type === 'npm' || type === 'golang' || type === 'github' || type === 'bitbucket') {
    if (type !== 'golang') name = name.toLowerCase();
    namespace = namespace?.toLowerCase() ?? undefined;
  }
  let out = `pkg:${type}/`;
  if (namespace !== undefined && namespace !== '') {
    out += `${namespace.split('/').map(encodeSegment).join('/')}/`;
  }
  out += encodeSegment(name);
  if (parts.version !== undefined && parts.version !== '') out += `@${encodeSegment(parts.version)}`;
  const qualifiers = Object.entries(parts.qualifiers ?? {}).filter(([, v]) => v !== '');
  if (qualifiers.length > 0) {
    qualifiers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out += `?${qualifiers.map(([k, v]) => `${k.toLowerCase()}=${encodeQualifier(v)}`).join('&')}`;
  }
  if (parts.subpath !== undefined && parts.subpath !== '') {
    out += `#${parts.subpath.split('/').filter((s) => s !== '' && s !== '.' && s !== '..').map(encodeSegment).join('/')}`;
  }
  return out;
}

/** Percent-encodes everything except unreserved characters (and keeps `:` readable, as the spec allows). */
function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':');
}

function encodeQualifier(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

/** Splits `@scope/name` into purl namespace and name. */
export function npmPurl(name: string, version: string): string {
  const scoped = name.startsWith('@') && name.includes('/');
  const namespace = scoped ? name.slice(0, name.indexOf('/')) : undefined;
  const bare = scoped ? name.slice(name.indexOf('/') + 1) : name;
  return formatPurl({ type: 'npm', ...(namespace !== undefined ? { namespace } : {}), name: bare, version });
}

/**
 * Reads a purl back into its parts, or undefined when it is not one. ref. purl-spec "How to parse a
 * purl string": subpath is split off at the last `#`, qualifiers at the last `?`, the version at the
 * last `@` of what remains; the type is the first segment and the name the last. Each part is
 * percent-decoded; the type and qualifier keys are lower-cased.
 */
export function parsePurl(purl: string): PurlParts | undefined {
  if (!/^pkg:/i.test(purl)) return undefined;
  let rest = purl.slice(4).replace(/^\/+/, '');
  let subpath: string | undefined;
  const hash = rest.lastIndexOf('#');
  if (hash >= 0) {
    subpath = rest.slice(hash + 1).split('/').filter((s) => s !== '' && s !== '.' && s !== '..').map(decode).join('/');
    rest = rest.slice(0, hash);
  }
  let qualifiers: Record<string, string> | undefined;
  const question = rest.lastIndexOf('?');
  if (question >= 0) {
    qualifiers = {};
    for (const pair of rest.slice(question + 1).split('&')) {
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const value = decode(pair.slice(equals + 1));
      if (value !== undefined && value !== '') qualifiers[pair.slice(0, equals).toLowerCase()] = value;
    }
    rest = rest.slice(0, question);
  }
  const segments = rest.replace(/\/+$/, '').split('/');
  const type = segments.shift()?.toLowerCase() ?? '';
  if (!/^[a-z.+-][a-z0-9.+-]*$/.test(type) || segments.length === 0) return undefined;
  let last = segments.pop() ?? '';
  let version: string | undefined;
  const at = last.lastIndexOf('@');
  if (at >= 0) {
    version = decode(last.slice(at + 1));
    last = last.slice(0, at);
  }
  const name = decode(last);
  if (name === undefined || name === '' || (at >= 0 && (version === undefined || version === ''))) return undefined;
  const decodedNamespace = segments.filter((s) => s !== '').map(decode);
  if (decodedNamespace.some((s) => s === undefined)) return undefined;
  const namespace = decodedNamespace.join('/');
  return {
    type,
    ...(namespace !== '' ? { namespace } : {}),
    name,
    ...(version !== undefined && version !== '' ? { version } : {}),
    ...(qualifiers !== undefined && Object.keys(qualifiers).length > 0 ? { qualifiers } : {}),
    ...(subpath !== undefined && subpath !== '' ? { subpath } : {}),
  };
}

/** Percent-decoding that reports a malformed escape instead of throwing. */
function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
