import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { parseRpmHeader, parseSourceRpm, readRpmSqlite, RPM_TYPE, RPMTAG, rpmSqlite } from './index.js';

type Entry = { tag: number; type: number; value: string | number | Uint8Array };

/** Builds a header blob as rpm's headerExport writes it: il, dl, index entries, data store (no magic). */
function buildHeader(entries: Entry[], magic = false): Uint8Array {
  const data: number[] = [];
  const index: number[][] = [];
  for (const entry of entries) {
    if (entry.type === RPM_TYPE.INT32) while (data.length % 4 !== 0) data.push(0);
    const offset = data.length;
    let count = 1;
    if (typeof entry.value === 'string') data.push(...new TextEncoder().encode(entry.value), 0);
    else if (typeof entry.value === 'number') data.push((entry.value >>> 24) & 255, (entry.value >>> 16) & 255, (entry.value >>> 8) & 255, entry.value & 255);
    else {
      data.push(...entry.value);
      count = entry.value.length;
    }
    index.push([entry.tag, entry.type, offset, count]);
  }
  const out = new Uint8Array((magic ? 8 : 0) + 8 + index.length * 16 + data.length);
  const view = new DataView(out.buffer);
  let at = 0;
  if (magic) {
    out.set([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0]);
    at = 8;
  }
  view.setUint32(at, index.length);
  view.setUint32(at + 4, data.length);
  at += 8;
  for (const [tag, type, offset, count] of index) {
    view.setInt32(at, tag ?? 0);
    view.setUint32(at + 4, type ?? 0);
    view.setInt32(at + 8, offset ?? 0);
    view.setUint32(at + 12, count ?? 0);
    at += 16;
  }
  out.set(data, at);
  return out;
}

function glibcHeader(magic = false): Uint8Array {
  return buildHeader(
    [
      // The immutable region tag every real header starts with; not a tag we read.
      { tag: 63, type: RPM_TYPE.BIN, value: new Uint8Array(16) },
      { tag: RPMTAG.NAME, type: RPM_TYPE.STRING, value: 'glibc-common' },
      { tag: RPMTAG.VERSION, type: RPM_TYPE.STRING, value: '2.34' },
      { tag: RPMTAG.RELEASE, type: RPM_TYPE.STRING, value: '100.el9_4.2' },
      { tag: 1004, type: RPM_TYPE.I18NSTRING, value: 'Common binaries and locale data for glibc' },
      { tag: RPMTAG.EPOCH, type: RPM_TYPE.INT32, value: 2 },
      { tag: RPMTAG.LICENSE, type: RPM_TYPE.STRING, value: 'LGPLv2+' },
      { tag: RPMTAG.ARCH, type: RPM_TYPE.STRING, value: 'x86_64' },
      { tag: RPMTAG.SOURCERPM, type: RPM_TYPE.STRING, value: 'glibc-2.34-100.el9_4.2.src.rpm' },
    ],
    magic,
  );
}

/** An rpmdb.sqlite with the given header blobs, made with sql.js the way rpm lays the table out. */
async function rpmdb(blobs: Uint8Array[]): Promise<Uint8Array> {
  const specifier = 'sql.js';
  const init = ((await import(specifier)) as { default: () => Promise<{ Database: new () => { run(sql: string, params?: unknown[]): void; export(): Uint8Array; close(): void } }> }).default;
  const SQL = await init();
  const db = new SQL.Database();
  db.run('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
  for (const blob of blobs) db.run('INSERT INTO Packages (blob) VALUES (?)', [blob]);
  const bytes = db.export();
  db.close();
  return bytes;
}

function byteFiles(map: Record<string, string | Uint8Array>): FileReader & { readBytes(path: string): Promise<Uint8Array | undefined> } {
  return {
    readText: async (path) => {
      const v = map[path];
      return typeof v === 'string' ? v : undefined;
    },
    readBytes: async (path) => {
      const v = map[path];
      return v instanceof Uint8Array ? v : undefined;
    },
  };
}

describe('rpm header', () => {
  it('reads NAME, VERSION, RELEASE, EPOCH, ARCH, SOURCERPM, with or without the magic', () => {
    for (const magic of [false, true]) {
      const parsed = parseRpmHeader(glibcHeader(magic));
      assert.deepEqual(parsed, { ok: true, pkg: { name: 'glibc-common', version: '2.34', release: '100.el9_4.2', epoch: 2, arch: 'x86_64', sourceRpm: 'glibc-2.34-100.el9_4.2.src.rpm', license: 'LGPLv2+' } });
    }
  });

  it('rejects truncated and implausible headers without throwing', () => {
    const header = glibcHeader();
    assert.equal(parseRpmHeader(header.subarray(0, header.length - 10)).ok, false);
    assert.equal(parseRpmHeader(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0])).ok, false);
    assert.equal(parseRpmHeader(new Uint8Array(3)).ok, false);
    const unterminated = buildHeader([{ tag: RPMTAG.NAME, type: RPM_TYPE.BIN, value: new Uint8Array([0x61]) }]);
    new DataView(unterminated.buffer).setUint32(12, RPM_TYPE.STRING);
    assert.deepEqual(parseRpmHeader(unterminated), { ok: false, message: 'rpm header string for tag 1000 is not terminated' });
  });

  it('splits source rpm file names', () => {
    assert.deepEqual(parseSourceRpm('python3-pip-21.2.3-8.el9.src.rpm'), { name: 'python3-pip', version: '21.2.3', release: '8.el9' });
    assert.equal(parseSourceRpm('(none)'), undefined);
  });
});

describe('rpm-sqlite', () => {
  it('matches SQLite, Berkeley DB and ndb databases in both rpm folders', () => {
    for (const p of ['var/lib/rpm/rpmdb.sqlite', 'usr/lib/sysimage/rpm/rpmdb.sqlite', 'var/lib/rpm/Packages', 'usr/lib/sysimage/rpm/Packages.db']) assert.equal(rpmSqlite.matches(p), true, p);
    assert.equal(rpmSqlite.matches('var/lib/rpm/rpmdb.sqlite-shm'), false);
    assert.equal(rpmSqlite.matches('srv/var/lib/rpm/Packages'), false);
  });

  it('reports Berkeley DB and ndb databases as unsupported, with the path', async () => {
    const bdb = await rpmSqlite.analyze({ path: 'var/lib/rpm/Packages', content: '', files: byteFiles({}) });
    assert.deepEqual(bdb.errors.map((e) => [e.path, e.message.split(';')[0]]), [['var/lib/rpm/Packages', 'rpm database format Berkeley DB is not supported yet']]);
    const ndb = await rpmSqlite.analyze({ path: 'usr/lib/sysimage/rpm/Packages.db', content: '', files: byteFiles({}) });
    assert.match(ndb.errors[0]?.message ?? '', /^rpm database format ndb is not supported yet/);
  });

  it('says so when the file reader cannot give bytes', async () => {
    const out = await rpmSqlite.analyze({ path: 'var/lib/rpm/rpmdb.sqlite', content: '', files: { readText: async () => undefined } });
    assert.match(out.errors[0]?.message ?? '', /needs binary file access/);
  });

  it('reads packages from rpmdb.sqlite, skipping gpg-pubkey and reporting bad blobs', async () => {
    const key = buildHeader([
      { tag: RPMTAG.NAME, type: RPM_TYPE.STRING, value: 'gpg-pubkey' },
      { tag: RPMTAG.VERSION, type: RPM_TYPE.STRING, value: 'fd431d51' },
    ]);
    const bytes = await rpmdb([glibcHeader(), key, new Uint8Array([1, 2, 3, 4, 5])]);
    assert.equal((await readRpmSqlite(bytes)).ok, true);
    const files = byteFiles({ 'var/lib/rpm/rpmdb.sqlite': bytes, 'etc/os-release': 'NAME="Red Hat Enterprise Linux"\nID="rhel"\nVERSION_ID="9.4"\n' });
    const out = await rpmSqlite.analyze({ path: 'var/lib/rpm/rpmdb.sqlite', content: '', files });
    assert.deepEqual(out.errors.map((e) => e.message), ['rpm database entry 3: rpm header is too short']);
    assert.equal(out.packages.length, 1);
    const [pkg] = out.packages;
    assert.equal(pkg?.version, '2:2.34-100.el9_4.2');
    assert.equal(pkg?.ecosystem, 'Red Hat');
    assert.deepEqual(pkg?.source, { name: 'glibc', version: '2:2.34-100.el9_4.2' });
    assert.equal(pkg?.purl, 'pkg:rpm/redhat/glibc-common@2.34-100.el9_4.2?arch=x86_64&distro=redhat-9.4&epoch=2&upstream=glibc-2.34-100.el9_4.2.src.rpm');
  });

  it('reports a file that is not SQLite', async () => {
    const out = await rpmSqlite.analyze({ path: 'var/lib/rpm/rpmdb.sqlite', content: '', files: byteFiles({ 'var/lib/rpm/rpmdb.sqlite': new TextEncoder().encode('not a database at all') }) });
    assert.deepEqual(out.errors.map((e) => e.message), ['not an SQLite database']);
  });
});
