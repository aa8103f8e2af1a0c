import { asObject, asString, isObject } from '../../../k8s/index.js';
import type { Hit } from './patterns.js';
import { isPlaceholder } from './placeholders.js';

/**
 * Registry credentials in a Docker config (`.dockerconfigjson` with `auths`, or the legacy `.dockercfg`
 * keyed by registry). `auth` is base64 of `user:password`, so no pattern sees the password without decoding.
 * ref. Kubernetes docs "Pull an Image from a Private Registry"; Docker CLI config file format.
 */
export function dockerConfigHits(text: string): Hit[] {
  if (!text.includes('"auth')) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isObject(parsed)) return [];
  const registries = asObject(parsed['auths']) ?? parsed;
  const hits: Hit[] = [];
  for (const [registry, raw] of Object.entries(registries)) {
    const entry = asObject(raw);
    if (entry === undefined) continue;
    const password = asString(entry['password']) ?? passwordOfAuth(asString(entry['auth']));
    const token = asString(entry['identitytoken']) ?? asString(entry['registrytoken']);
    for (const secret of [password, token]) {
      if (secret !== undefined && !isPlaceholder(secret)) {
        hits.push({ kind: 'registry-password', label: `registry credentials for ${registry}`, secret });
      }
    }
  }
  return hits;
}

function passwordOfAuth(auth: string | undefined): string | undefined {
  if (auth === undefined) return undefined;
  const decoded = Buffer.from(auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}
