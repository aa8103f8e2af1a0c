/**
 * The rpm header structure, as stored in the rpm database. ref. rpm `lib/header.c` (headerImport,
 * headerExport) and the "Header structure" section of rpm's `docs/manual/format.md`: an optional
 * 8-byte magic (8E AD E8 01 + 4 reserved bytes), then big-endian int32 `il` (index entries) and
 * `dl` (data bytes), `il` 16-byte entries {tag, type, offset, count}, then the data store.
 */
export const RPMTAG = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  LICENSE: 1014,
  ARCH: 1022,
  SOURCERPM: 1044,
} as const;

/** ref. rpm `include/rpm/rpmtag.h` rpmTagType. */
export const RPM_TYPE = { INT32: 4, STRING: 6, BIN: 7, STRING_ARRAY: 8, I18NSTRING: 9 } as const;

export interface RpmHeaderPackage {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch: string;
  /** e.g. `glibc-2.28-225.el8.src.rpm`; '' for packages without one (gpg-pubkey). */
  sourceRpm: string;
  license: string;
}

export type RpmHeaderResult = { ok: true; pkg: RpmHeaderPackage } | { ok: false; message: string };

/** rpm refuses headers beyond these (lib/header.c: HEADER_TAGS_MAX, HEADER_DATA_MAX). */
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 256 * 1024 * 1024;

export function parseRpmHeader(bytes: Uint8Array): RpmHeaderResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const base = bytes.length >= 8 && bytes[0] === 0x8e && bytes[1] === 0xad && bytes[2] === 0xe8 ? 8 : 0;
  if (bytes.length < base + 8) return { ok: false, message: 'rpm header is too short' };
  const il = view.getUint32(base);
  const dl = view.getUint32(base + 4);
  if (il === 0 || il > MAX_ENTRIES || dl > MAX_DATA) return { ok: false, message: `rpm header has implausible sizes (${il} entries, ${dl} data bytes)` };
  const indexStart = base + 8;
  const dataStart = indexStart + il * 16;
  if (dataStart + dl > bytes.length) return { ok: false, message: 'rpm header is truncated' };
  const decoder = new TextDecoder('utf-8');
  const strings = new Map<number, string>();
  const ints = new Map<number, number>();
  for (let i = 0; i < il; i++) {
    const at = indexStart + i * 16;
    const tag = view.getInt32(at);
    const type = view.getUint32(at + 4);
    const offset = view.getInt32(at + 8);
    const count = view.getUint32(at + 12);
    // Only the tags read are checked: region and signature entries have their own conventions.
    if (!(Object.values(RPMTAG) as number[]).includes(tag) || count === 0) continue;
    if (offset < 0 || offset >= dl) return { ok: false, message: `rpm header entry ${i} (tag ${tag}) points outside the data` };
    if (type === RPM_TYPE.STRING || type === RPM_TYPE.STRING_ARRAY || type === RPM_TYPE.I18NSTRING) {
      // The first string is the value (I18NSTRING: the C locale comes first).
      const end = bytes.indexOf(0, dataStart + offset);
      if (end < 0 || end >= dataStart + dl) return { ok: false, message: `rpm header string for tag ${tag} is not terminated` };
      strings.set(tag, decoder.decode(bytes.subarray(dataStart + offset, end)));
    } else if (type === RPM_TYPE.INT32) {
      if (offset + 4 > dl) return { ok: false, message: `rpm header integer for tag ${tag} points outside the data` };
      ints.set(tag, view.getInt32(dataStart + offset));
    }
  }
  const name = strings.get(RPMTAG.NAME) ?? '';
  const version = strings.get(RPMTAG.VERSION) ?? '';
  if (name === '' || version === '') return { ok: false, message: 'rpm header has no NAME or VERSION' };
  const epoch = ints.get(RPMTAG.EPOCH);
  return {
    ok: true,
    pkg: {
      name,
      version,
      release: strings.get(RPMTAG.RELEASE) ?? '',
      ...(epoch !== undefined ? { epoch } : {}),
      arch: strings.get(RPMTAG.ARCH) ?? '',
      sourceRpm: strings.get(RPMTAG.SOURCERPM) ?? '',
      license: strings.get(RPMTAG.LICENSE) ?? '',
    },
  };
}

/** `glibc-2.28-225.el8.src.rpm` → glibc, 2.28, 225.el8 (name-version-release; name may contain `-`). */
export function parseSourceRpm(file: string): { name: string; version: string; release: string } | undefined {
  const match = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(file);
  if (match === null) return undefined;
  return { name: match[1] ?? '', version: match[2] ?? '', release: match[3] ?? '' };
}
