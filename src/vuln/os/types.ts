/** Distribution families Bosun knows; `other` is a distribution with an os-release we do not map. */
export type OsFamily = 'debian' | 'ubuntu' | 'alpine' | 'redhat' | 'centos' | 'rocky' | 'almalinux' | 'fedora' | 'amazon' | 'oracle' | 'other';

export interface OsInfo {
  family: OsFamily;
  /** os-release `ID` (e.g. `debian`, `rhel`, `amzn`), or the family when it came from a fallback file. */
  id: string;
  /** Human name, e.g. `Debian GNU/Linux`. */
  name: string;
  /** Full version as recorded, e.g. `12 (bookworm)`, `3.19.1`, `12.5`. */
  version: string;
  /** Machine version, e.g. `12`, `22.04`, `3.19.1`, `2023`; '' when unknown (Debian testing/sid). */
  versionId: string;
  codename?: string;
  /** Google distroless images: Debian packages recorded one file each under var/lib/dpkg/status.d/. */
  distroless?: true;
  /** Root-relative file the answer came from. */
  source: string;
}
