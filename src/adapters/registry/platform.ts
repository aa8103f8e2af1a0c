/**
 * Platform strings (`os/arch[/variant]`) and picking one image out of a multi-platform index.
 * ref. OCI image-spec v1.1 image-index.md (platform: os, architecture, variant; GOOS/GOARCH
 * values); containerd platforms normalisation (aarch64 = arm64, arm64 default variant v8).
 */
import { BosunError } from '../../kernel/index.js';
import type { Platform } from '../../vuln/image/source.js';
import type { Descriptor } from './schema.js';

/** @default linux/amd64, what Docker pulls on the most common host. */
export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

const ARCH_ALIASES: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', i386: '386' };

/** Parses `os/arch[/variant]`; throws a `usage` BosunError otherwise. */
export function parsePlatform(text: string): Platform {
  const parts = text.trim().toLowerCase().split('/');
  const [os, architecture, variant] = parts;
  if (parts.length < 2 || parts.length > 3 || !os || !architecture || (parts.length === 3 && !variant)) {
    throw new BosunError('usage', `invalid platform "${text}": expected os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8`);
  }
  return normalisePlatform(variant === undefined ? { os, architecture } : { os, architecture, variant });
}

export function formatPlatform(p: LoosePlatform): string {
  return p.variant === undefined ? `${p.os}/${p.architecture}` : `${p.os}/${p.architecture}/${p.variant}`;
}

/** zod's optional fields may hold `undefined`, so accept that here. */
export type LoosePlatform = { os: string; architecture: string; variant?: string | undefined };

/** Lowercase, architecture aliases resolved (`aarch64` → `arm64`), arm64's `v8` variant dropped. */
export function normalisePlatform(p: LoosePlatform): Platform {
  const architecture = ARCH_ALIASES[p.architecture.toLowerCase()] ?? p.architecture.toLowerCase();
  const os = p.os.toLowerCase();
  // arm64 has one variant in practice; v8 and no variant mean the same image.
  const variant = architecture === 'arm64' && p.variant === 'v8' ? undefined : p.variant?.toLowerCase();
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

/**
 * The index entry for `wanted`. Without a wanted variant, an entry without a variant is preferred,
 * then the first listed. Entries without a platform, and attestation entries (`unknown/unknown`,
 * as BuildKit writes), are not images and are skipped. No match throws, listing what there is.
 */
export function selectPlatform(manifests: Descriptor[], wanted: Platform, what: string): Descriptor {
  const target = normalisePlatform(wanted);
  const images = manifests.filter((m) => m.platform !== undefined && m.platform.os !== 'unknown' && m.platform.architecture !== 'unknown');
  const same = images.filter((m) => {
    const p = normalisePlatform(m.platform ?? { os: '', architecture: '' });
    return p.os === target.os && p.architecture === target.architecture && (target.variant === undefined || p.variant === target.variant);
  });
  const chosen = same.find((m) => m.platform?.variant === undefined || normalisePlatform(m.platform).variant === undefined) ?? same[0];
  if (chosen !== undefined) return chosen;
  const available = [...new Set(images.map((m) => formatPlatform(normalisePlatform(m.platform ?? { os: '?', architecture: '?' }))))];
  throw new BosunError('input.read', `${what} has no image for platform ${formatPlatform(target)}; available: ${available.length === 0 ? 'none' : available.join(', ')} (choose one with --platform)`);
}
