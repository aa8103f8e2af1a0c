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
