import type { SarifArtifactLocation } from './types.js';

/**
 * Base id for paths relative to the directory the scan ran in (SARIF §3.4.4, §3.14.14). We cannot
 * write `originalUriBaseIds` for it: a writer does not know the working directory, and the value is
 * optional. GitHub resolves relative URIs against the repository root, which is where CI runs scans.
 */
export const SRCROOT = '%SRCROOT%';

/**
 * Pseudo-files (`<stdin>`, `-`, `<memory>`) have no path in the repository. GitHub rejects a whole
 * upload when any result has no location or no artifact URI ("locationFromSarifResult: expected at
 * least one location"), so such results get a placeholder relative URI: the pseudo-file's name.
 */
const PSEUDO_FILE = /^<([^<>]+)>$/;

/** A finding with no location at all (an object built in memory, or read from a live cluster). */
export const NO_FILE_URI = 'memory';

/**
 * Turns a path as the user gave it into a SARIF artifact location (§3.4.3: `uri` is a URI
 * reference, RFC 3986). Relative paths stay relative, with forward slashes and each segment
 * percent-encoded (spaces, `#`, `%`, non-ASCII). Absolute paths become `file:` URIs; GitHub's upload
 * API turns those back into repository paths with its `checkout_uri` parameter.
 */
export function artifactLocationOf(file: string): SarifArtifactLocation {
  if (file === '-' || file === '') return { uri: 'stdin' };
  const pseudo = PSEUDO_FILE.exec(file);
  if (pseudo?.[1] !== undefined) return { uri: encodeSegments(pseudo[1]) };

  const path = file.replace(/\\/g, '/');
  // Windows drive path `C:/x` (or `C:\x`): the drive letter stays literal (RFC 8089 §2).
  const drive = /^([A-Za-z]):\//.exec(path);
  if (drive?.[1] !== undefined) return { uri: `file:///${drive[1]}:/${encodeSegments(path.slice(3))}` };
  // UNC `\\server\share\x` becomes `file://server/share/x` (RFC 8089 appendix E.3).
  if (path.startsWith('//')) return { uri: `file://${encodeSegments(path.slice(2))}` };
  if (path.startsWith('/')) return { uri: `file:///${encodeSegments(path.slice(1))}` };

  // `./deploy//web.yaml` and `deploy/web.yaml` are the same artifact: keep one spelling so GitHub,
  // which tracks alerts by path, sees the same file across runs.
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  return { uri: segments.map(encodeSegment).join('/'), uriBaseId: SRCROOT };
}

function encodeSegments(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

/**
 * `encodeURIComponent` leaves only unreserved characters and a few sub-delimiters, so `:` in a
 * first segment can never be read as a scheme and `?`/`#` never start a query or fragment.
 */
function encodeSegment(segment: string): string {
  // encodeURIComponent throws on a lone surrogate; a path can carry one from a mis-decoded name.
  return encodeURIComponent(segment.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
}
