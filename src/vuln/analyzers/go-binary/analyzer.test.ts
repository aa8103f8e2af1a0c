import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { createGoBinaryAnalyzer, findBuildInfo, goBinary, parseModInfo } from './index.js';

const none: FileReader = { readText: async () => undefined };
const MAGIC = [0xff, ...Buffer.from(' Go buildinf:', 'latin1')];
/** The 16-byte sentinels the linker puts around modinfo (ref. cmd/go/internal/modload `ModInfoData`). */
const START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const END = Buffer.from('f932433186182072008242104116d8f2', 'hex');
const BASE = 0x400000;

function framed(modinfo: string): Buffer {
  return Buffer.concat([START, Buffer.from(modinfo), END]);
}

function uvarint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** Go ≥ 1.18 build info: header with the inline flag, then both strings length-prefixed. */
function inlineBuildInfo(goVersion: string, modinfo: string): Buffer {
  const header = Buffer.alloc(32);
  header.set(MAGIC, 0);
  header[14] = 8;
  header[15] = 2;
  const mod = framed(modinfo);
  return Buffer.concat([header, Buffer.from(uvarint(goVersion.length)), Buffer.from(goVersion), Buffer.from(uvarint(mod.length)), mod]);
}

/** Go < 1.18 build info: header, two pointers to Go string headers, the headers, then the bytes. */
function pointerBuildInfo(addr: number, ptrSize: 4 | 8, littleEndian: boolean, goVersion: string, modinfo: string): Buffer {
  const mod = framed(modinfo);
  const headersAt = 16 + 2 * ptrSize;
  const versionAt = headersAt + 4 * ptrSize;
  const modAt = versionAt + goVersion.length;
  const out = Buffer.alloc(modAt + mod.length);
  out.set(MAGIC, 0);
  out[14] = ptrSize;
  out[15] = littleEndian ? 0 : 1;
  const put = (at: number, value: number): void => {
    if (ptrSize === 8) {
      if (littleEndian) out.writeBigUInt64LE(BigInt(value), at);
      else out.writeBigUInt64BE(BigInt(value), at);
    } else if (littleEndian) out.writeUInt32LE(value, at);
    else out.writeUInt32BE(value, at);
  };
  put(16, addr + headersAt);
  put(16 + ptrSize, addr + headersAt + 2 * ptrSize);
  put(headersAt, addr + versionAt);
  put(headersAt + ptrSize, goVersion.length);
  put(headersAt + 2 * ptrSize, addr + modAt);
  put(headersAt + 3 * ptrSize, mod.length);
  out.write(goVersion, versionAt, 'latin1');
  mod.copy(out, modAt);
  return out;
}

interface ElfShape {
  bits: 32 | 64;
  littleEndian: boolean;
  /** Named sections; the content callback gets the section's virtual address. */
  sections: Array<{ name: string; content: (addr: number) => Buffer }>;
}

/**
 * A minimal ELF executable (ref. System V gABI): header, one PT_LOAD mapping the whole file at
 * BASE, each section 16-byte aligned at address BASE + offset, then .shstrtab and the section table.
 */
function elf({ bits, littleEndian, sections }: ElfShape): Buffer {
  const ehsize = bits === 64 ? 64 : 52;
  const phentsize = bits === 64 ? 56 : 32;
  const shentsize = bits === 64 ? 64 : 40;
  const align = (n: number): number => Math.ceil(n / 16) * 16;
  let offset = align(ehsize + phentsize);
  const placed = sections.map((s) => {
    const at = offset;
    const data = s.content(BASE + at);
    offset = align(at + data.length);
    return { name: s.name, at, data };
  });
  const names = ['', ...placed.map((p) => p.name), '.shstrtab'];
  const strtab = Buffer.from(`${names.join('\0')}\0`, 'latin1');
  const strtabAt = offset;
  const shoff = align(strtabAt + strtab.length);
  const shnum = placed.length + 2;
  const out = Buffer.alloc(shoff + shnum * shentsize);
  const u16 = (at: number, v: number): number => (littleEndian ? out.writeUInt16LE(v, at) : out.writeUInt16BE(v, at));
  const u32 = (at: number, v: number): number => (littleEndian ? out.writeUInt32LE(v, at) : out.writeUInt32BE(v, at));
  const word = (at: number, v: number): number =>
    bits === 32 ? u32(at, v) : littleEndian ? out.writeBigUInt64LE(BigInt(v), at) : out.writeBigUInt64BE(BigInt(v), at);
  out.set([0x7f, 0x45, 0x4c, 0x46, bits === 64 ? 2 : 1, littleEndian ? 1 : 2, 1], 0);
  u16(16, 2); // ET_EXEC
  const phoff = ehsize;
  word(bits === 64 ? 0x20 : 0x1c, phoff);
  word(bits === 64 ? 0x28 : 0x20, shoff);
  const base = bits === 64 ? 0x36 : 0x2a;
  u16(base, phentsize);
  u16(base + 2, 1);
  u16(base + 4, shentsize);
  u16(base + 6, shnum);
  u16(base + 8, shnum - 1);
  // PT_LOAD covering the file.
  u32(phoff, 1);
  if (bits === 64) {
    word(phoff + 8, 0);
    word(phoff + 0x10, BASE);
    word(phoff + 0x20, out.length);
  } else {
    word(phoff + 4, 0);
    word(phoff + 8, BASE);
    word(phoff + 0x10, out.length);
  }
  const sectionHeader = (index: number, nameOffset: number, type: number, at: number, size: number, addr: number): void => {
    const h = shoff + index * shentsize;
    u32(h, nameOffset);
    u32(h + 4, type);
    word(h + (bits === 64 ? 0x10 : 0x0c), addr);
    word(h + (bits === 64 ? 0x18 : 0x10), at);
    word(h + (bits === 64 ? 0x20 : 0x14), size);
  };
  let nameOffset = 1;
  placed.forEach((p, i) => {
    p.data.copy(out, p.at);
    sectionHeader(i + 1, nameOffset, 1, p.at, p.data.length, BASE + p.at);
    nameOffset += p.name.length + 1;
  });
  strtab.copy(out, strtabAt);
  sectionHeader(shnum - 1, nameOffset, 3, strtabAt, strtab.length, 0);
  return out;
}

const MODINFO = [
  'path\texample.com/app/cmd/app',
  'mod\texample.com/app\t(devel)\t',
  'dep\tgithub.com/spf13/cobra\tv1.8.0\th1:7aJaZx1B85qltLMc546zn58BxxfZdR/W22ej9CFoEf0=',
  'dep\tgolang.org/x/net\tv0.17.0',
  '=>\tgolang.org/x/net\tv0.19.0\th1:abc=',
  'dep\texample.com/local\tv0.0.0',
  '=>\t../local\t',
  'build\t-compiler=gc',
  'build\t-ldflags="-s -w"',
  'build\tvcs.revision=0123456789abcdef',
  '',
].join('\n');

async function analyze(bytes: Uint8Array, path = 'usr/local/bin/app') {
  return goBinary.analyze({ path, content: '', bytes, files: none });
}

describe('go-binary', () => {
  it('reads Go ≥ 1.18 inline build info from .go.buildinfo of a 64-bit little-endian ELF', async () => {
    const binary = elf({
      bits: 64,
      littleEndian: true,
      sections: [
        { name: '.text', content: () => Buffer.alloc(100, 0x90) },
        { name: '.go.buildinfo', content: () => inlineBuildInfo('go1.21.3', MODINFO) },
      ],
    });
    const out = await analyze(binary);
    assert.deepEqual(out.errors, []);
    assert.deepEqual(
      out.packages.map((p) => [p.name, p.version, p.purl]),
      [
        ['example.com/app', '', 'pkg:golang/example.com/app'],
        ['github.com/spf13/cobra', '1.8.0', 'pkg:golang/github.com/spf13/cobra@1.8.0'],
        ['golang.org/x/net', '0.19.0', 'pkg:golang/golang.org/x/net@0.19.0'],
        ['../local', '', 'pkg:golang/../local'],
        ['stdlib', '1.21.3', 'pkg:golang/stdlib@1.21.3'],
      ],
    );
    const [main] = out.packages;
    assert.equal(main?.commit, '0123456789abcdef');
    assert.deepEqual(main?.metadata, { main: true, mainPackage: 'example.com/app/cmd/app' });
    assert.deepEqual(out.packages[2]?.metadata, { replaces: 'golang.org/x/net@0.17.0' });
    assert.ok(out.packages.every((p) => p.ecosystem === 'Go' && p.locations[0]?.path === 'usr/local/bin/app'));
  });

  it('finds the aligned header by scanning when there is no section table entry for it', async () => {
    const binary = elf({
      bits: 64,
      littleEndian: true,
      // The magic string as debug/buildinfo carries it in rodata: unaligned and not a header.
      sections: [
        { name: '.rodata', content: () => Buffer.concat([Buffer.alloc(3), Buffer.from(MAGIC), Buffer.from('xx')]) },
        { name: '.data', content: () => inlineBuildInfo('go1.22.0', 'path\tx\nmod\texample.com/x\tv1.0.0\t\n') },
      ],
    });
    const out = await analyze(binary);
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map((p) => `${p.name}@${p.version}`), ['example.com/x@1.0.0', 'stdlib@1.22.0']);
  });

  for (const [bits, littleEndian] of [
    [64, true],
    [32, false],
    [32, true],
    [64, false],
  ] as const) {
    it(`reads Go < 1.18 pointer build info through the program headers (${bits}-bit, ${littleEndian ? 'little' : 'big'} endian)`, async () => {
      const binary = elf({
        bits,
        littleEndian,
        sections: [{ name: '.go.buildinfo', content: (addr) => pointerBuildInfo(addr, bits === 64 ? 8 : 4, littleEndian, 'go1.16.15', MODINFO) }],
      });
      const out = await analyze(binary);
      assert.deepEqual(out.errors, []);
      assert.deepEqual(
        out.packages.map((p) => `${p.name}@${p.version}`),
        ['example.com/app@', 'github.com/spf13/cobra@1.8.0', 'golang.org/x/net@0.19.0', '../local@', 'stdlib@1.16.15'],
      );
    });
  }

  it('gives only stdlib for a binary built outside module mode, and no stdlib for a devel toolchain', async () => {
    const gopath = elf({ bits: 64, littleEndian: true, sections: [{ name: '.go.buildinfo', content: () => inlineBuildInfo('go1.19.8 X:boringcrypto', 'path\texample.com/cmd\nbuild\tGOOS=linux\n') }] });
    assert.deepEqual((await analyze(gopath)).packages.map((p) => `${p.name}@${p.version}`), ['stdlib@1.19.8']);
    const devel = elf({ bits: 64, littleEndian: true, sections: [{ name: '.go.buildinfo', content: () => inlineBuildInfo('devel go1.23-abc', 'mod\tm\tv1.0.0\t\n') }] });
    assert.deepEqual((await analyze(devel)).packages.map((p) => `${p.name}@${p.version}`), ['m@1.0.0']);
  });

  it('ignores non-Go executables and non-executables, and reports broken build info', async () => {
    const c = elf({ bits: 64, littleEndian: true, sections: [{ name: '.text', content: () => Buffer.alloc(64, 0xcc) }] });
    assert.deepEqual(await analyze(c), { packages: [], errors: [] });
    assert.deepEqual(await analyze(Buffer.from('#!/bin/sh\necho hi\n')), { packages: [], errors: [] });
    assert.deepEqual(await analyze(new Uint8Array()), { packages: [], errors: [] });
    const whole = elf({ bits: 64, littleEndian: true, sections: [{ name: '.go.buildinfo', content: () => inlineBuildInfo('go1.21.3', MODINFO) }] });
    // Cut inside the module info: the section table at the end is gone too.
    const cut = whole.subarray(0, whole.indexOf(Buffer.from(MAGIC)) + 32 + 9 + 20);
    const out = await analyze(cut);
    assert.equal(out.packages.length, 0);
    assert.match(out.errors[0]?.message ?? '', /truncated/);
    assert.equal(out.errors[0]?.path, 'usr/local/bin/app');
  });

  it('reads Go < 1.18 pointer build info from PE sections (ImageBase + VirtualAddress)', async () => {
    const imageBase = 0x1_4000_0000;
    const pe = Buffer.alloc(0x200);
    pe.write('MZ', 0);
    pe.writeUInt32LE(0x40, 0x3c);
    pe.write('PE\0\0', 0x40, 'latin1');
    pe.writeUInt16LE(0x8664, 0x44); // Machine: AMD64
    pe.writeUInt16LE(1, 0x46); // NumberOfSections
    pe.writeUInt16LE(112, 0x54); // SizeOfOptionalHeader
    pe.writeUInt16LE(0x20b, 0x58); // PE32+
    pe.writeBigUInt64LE(BigInt(imageBase), 0x58 + 24);
    const data = pointerBuildInfo(imageBase + 0x1000, 8, true, 'go1.17.13', MODINFO);
    const section = 0x58 + 112;
    pe.write('.data', section, 'latin1');
    pe.writeUInt32LE(data.length, section + 8);
    pe.writeUInt32LE(0x1000, section + 12);
    pe.writeUInt32LE(data.length + 16, section + 16);
    pe.writeUInt32LE(0x200, section + 20);
    const out = await analyze(Buffer.concat([pe, data, Buffer.alloc(16)]), 'app.exe');
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map((p) => `${p.name}@${p.version}`).slice(-2), ['../local@', 'stdlib@1.17.13']);
  });

  it('reads Go < 1.18 pointer build info from Mach-O segments, and refuses universal files', async () => {
    const vmaddr = 0x1_0000_1000;
    const header = Buffer.alloc(0x1000);
    header.set([0xcf, 0xfa, 0xed, 0xfe], 0);
    header.writeUInt32LE(1, 16); // ncmds
    header.writeUInt32LE(72, 20);
    header.writeUInt32LE(0x19, 32); // LC_SEGMENT_64
    header.writeUInt32LE(72, 36);
    header.write('__DATA', 40, 'latin1');
    const data = pointerBuildInfo(vmaddr, 8, true, 'go1.15', MODINFO);
    header.writeBigUInt64LE(BigInt(vmaddr), 32 + 24);
    header.writeBigUInt64LE(BigInt(data.length), 32 + 32);
    header.writeBigUInt64LE(0x1000n, 32 + 40);
    header.writeBigUInt64LE(BigInt(data.length), 32 + 48);
    const out = await analyze(Buffer.concat([header, data]), 'Applications/app');
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map((p) => `${p.name}@${p.version}`).at(-1), 'stdlib@1.15');

    const fat = Buffer.concat([Buffer.from([0xca, 0xfe, 0xba, 0xbe]), Buffer.alloc(60), data]);
    const refused = await analyze(fat, 'Applications/fat');
    assert.deepEqual(refused.packages, []);
    assert.match(refused.errors[0]?.message ?? '', /Go < 1\.18 binary: build info format not supported/);
  });

  it('reports pointers that lead outside the file instead of throwing', async () => {
    const binary = elf({ bits: 64, littleEndian: true, sections: [{ name: '.go.buildinfo', content: () => pointerBuildInfo(0x7000_0000, 8, true, 'go1.16', MODINFO) }] });
    const out = await analyze(binary);
    assert.equal(out.packages.length, 0);
    assert.match(out.errors[0]?.message ?? '', /outside/);
  });

  it('wants executables within its size window only', () => {
    const analyzer = createGoBinaryAnalyzer({ minSize: 10, maxSize: 100 });
    assert.equal(analyzer.matches('bin/app', { size: 50, executable: true }), true);
    assert.equal(analyzer.matches('bin/app', { size: 50, executable: false }), false);
    assert.equal(analyzer.matches('bin/app', { size: 5, executable: true }), false);
    assert.equal(analyzer.matches('bin/app', { size: 500, executable: true }), false);
    assert.equal(analyzer.matches('bin/app'), false);
    assert.equal(goBinary.matches('usr/bin/skopeo', { size: 16_000_000, executable: true }), true);
    assert.equal(goBinary.input, 'bytes');
  });

  it('reads a real Go binary installed on this machine', async (t) => {
    // Debian builds these in GOPATH mode with Go 1.19: no module lines, but the path and toolchain.
    const known: Record<string, string> = {
      '/usr/bin/skopeo': 'github.com/containers/skopeo/cmd/skopeo',
      '/usr/bin/umoci': 'github.com/opencontainers/umoci/cmd/umoci',
      '/usr/bin/docker-registry': 'github.com/docker/distribution/cmd/registry',
    };
    const file = Object.keys(known).find((f) => existsSync(f));
    if (file === undefined) {
      t.skip('none of /usr/bin/skopeo, /usr/bin/umoci, /usr/bin/docker-registry is installed');
      return;
    }
    const bytes = readFileSync(file);
    const found = findBuildInfo(bytes);
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    assert.match(found.goVersion, /^go1\.\d+/);
    assert.equal(parseModInfo(found.modinfo).path, known[file]);
    const out = await analyze(bytes, file.slice(1));
    assert.deepEqual(out.errors, []);
    const stdlib = out.packages.find((p) => p.name === 'stdlib');
    assert.match(stdlib?.version ?? '', /^1\.\d+(\.\d+)?$/);
    assert.equal(stdlib?.locations[0]?.path, file.slice(1));
  });
});
