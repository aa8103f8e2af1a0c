import assert from 'node:assert/strict';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BosunError } from '../../kernel/index.js';
import { buildTar } from '../../vuln/image/testing/layer-tar.js';
import { indexTar, resolveMember } from './tar-index.js';

describe('indexTar', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bosun-tar-index-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function index(bytes: Buffer): Promise<{ read: (name: string) => Promise<string | undefined> }> {
    const path = join(dir, `a-${Math.random()}.tar`);
    await writeFile(path, bytes);
    const handle = await open(path, 'r');
    try {
      const tarIndex = await indexTar(handle, path);
      const contents = new Map<string, string>();
      for (const name of tarIndex.members.keys()) {
        const member = resolveMember(tarIndex, name);
        if (member === undefined) continue;
        const buffer = Buffer.alloc(member.size);
        await handle.read(buffer, 0, member.size, member.offset);
        contents.set(name, buffer.toString());
      }
      return { read: async (name) => contents.get(name) };
    } finally {
      await handle.close();
    }
  }

  it('finds members by name through ustar prefixes, pax paths and links', async () => {
    const prefixed = `${'d'.repeat(120)}/file`;
    const paxName = `${'p'.repeat(120)}/${'q'.repeat(120)}`;
    const files = await index(
      await buildTar([
        { name: './manifest.json', content: '[]' },
        { name: prefixed, content: 'ustar prefix' },
        { name: paxName, content: 'pax path' },
        { name: 'blobs/sha256/aaa', content: 'blob' },
        { name: 'layer/layer.tar', type: 'symlink', linkname: '../blobs/sha256/aaa' },
        { name: 'hard', type: 'link', linkname: 'blobs/sha256/aaa' },
        { name: 'escape', type: 'symlink', linkname: '../../etc/passwd' },
      ]),
    );
    assert.equal(await files.read('manifest.json'), '[]');
    assert.equal(await files.read(prefixed), 'ustar prefix');
    assert.equal(await files.read(paxName), 'pax path');
    assert.equal(await files.read('layer/layer.tar'), 'blob');
    assert.equal(await files.read('hard'), 'blob');
    assert.equal(await files.read('escape'), undefined);
  });

  it('reads GNU long names', async () => {
    const name = `${'g'.repeat(150)}.txt`;
    const header = (n: string, type: string, size: number): Buffer => {
      const block = Buffer.alloc(512);
      block.write(n.slice(0, 100), 0);
      block.write('0000644\0', 100);
      block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
      block.write('00000000000\0', 136);
      block.write(type, 156);
      block.write('ustar  \0', 257);
      block.fill(' ', 148, 156);
      let sum = 0;
      for (const byte of block) sum += byte;
      block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
      return block;
    };
    const pad = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
    const tar = Buffer.concat([header('././@LongLink', 'L', name.length + 1), pad(Buffer.from(`${name}\0`)), header(name, '0', 5), pad(Buffer.from('hello')), Buffer.alloc(1024)]);
    assert.equal(await (await index(tar)).read(name), 'hello');
  });

  it('refuses garbage and truncated archives', async () => {
    await assert.rejects(index(Buffer.from('x'.repeat(2048))), (e: unknown) => e instanceof BosunError && /invalid tar header/.test(e.message));
    const full = await buildTar([{ name: 'a', content: 'y'.repeat(4000) }]);
    await assert.rejects(index(full.subarray(0, 1500)), (e: unknown) => e instanceof BosunError && /truncated/.test(e.message));
  });
});
