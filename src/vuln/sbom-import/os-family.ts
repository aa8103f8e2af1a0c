import type { OsFamily } from '../os/index.js';

/**
 * Distribution names as they appear in SBOMs: os-release IDs, purl namespaces and distro
 * qualifier prefixes (Bosun writes the family, other tools the ID), each mapped to a family.
 */
const FAMILY_BY_NAME: Readonly<Record<string, OsFamily>> = {
  debian: 'debian',
  ubuntu: 'ubuntu',
  alpine: 'alpine',
  redhat: 'redhat',
  rhel: 'redhat',
  centos: 'centos',
  rocky: 'rocky',
  almalinux: 'almalinux',
  alma: 'almalinux',
  fedora: 'fedora',
  amazon: 'amazon',
  amzn: 'amazon',
  oracle: 'oracle',
  ol: 'oracle',
};

export function familyOf(name: string | undefined): OsFamily | undefined {
  if (name === undefined) return undefined;
  return FAMILY_BY_NAME[name.toLowerCase()];
}

/** `debian-12` → `debian`; `alpine-3.19.1` → `alpine`. ref. purl-spec: distro is `<name>-<version>` or a codename. */
export function distroName(distro: string | undefined): string | undefined {
  if (distro === undefined || distro === '') return undefined;
  const dash = distro.lastIndexOf('-');
  return dash > 0 ? distro.slice(0, dash) : distro;
}

/** `debian-12` → `12`; '' when the qualifier has no version part. */
export function distroVersion(distro: string | undefined): string {
  if (distro === undefined) return '';
  const dash = distro.lastIndexOf('-');
  return dash > 0 ? distro.slice(dash + 1) : '';
}
