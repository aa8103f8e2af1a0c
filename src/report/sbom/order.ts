import type { Package } from '../../vuln/index.js';

/**
 * Packages in a stable order (ecosystem, name, version, purl, first path), so that an SBOM does not
 * change when only the order of the filesystem walk did.
 */
export function sortedPackages(packages: readonly Package[]): Package[] {
  const key = (p: Package): string[] => [p.ecosystem, p.name, p.version, p.purl, p.locations[0]?.path ?? ''];
  return [...packages].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] ?? '';
      const y = kb[i] ?? '';
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}
