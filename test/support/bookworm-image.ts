/**
 * A real Debian bookworm image for the image tests, built once per machine run from a minbase
 * debootstrap (see ../shared/recipes/real-image-in-local-registry.md): the root filesystem (the
 * oracle's input), an OCI layout and a `docker save` archive of it. Every tool is a Debian package
 * that .ci/run installs; nothing comes from Docker Hub.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface BookwormImage {
  /** The unpacked root filesystem the image was made from. */
  rootfs: string;
  /** OCI image layout holding tag `bookworm`. */
  layout: string;
  /** `docker save`-format archive of the same image (`bosun/debian:bookworm`). */
  dockerArchive: string;
}

/** Bumped when the build steps change, so a stale build on a long-lived machine is not reused. */
const BUILD_VERSION = 1;
const REQUIRED_TOOLS = ['debootstrap', 'umoci', 'skopeo'] as const;

/** The tools missing from PATH; empty when the image can be built. */
export async function missingImageTools(tools: readonly string[] = REQUIRED_TOOLS): Promise<string[]> {
  const missing: string[] = [];
  for (const tool of tools) {
    try {
      await run('sh', ['-c', `command -v ${tool}`]);
    } catch {
      missing.push(tool);
    }
  }
  return missing;
}

/**
 * The image, built on first use under $BOSUN_TEST_IMAGE_DIR (default: the system temp dir). A
 * marker file written last tells a complete build from one cut short, which is rebuilt.
 */
export async function bookwormImage(): Promise<BookwormImage> {
  const dir = process.env['BOSUN_TEST_IMAGE_DIR'] ?? path.join(tmpdir(), `bosun-test-bookworm-v${BUILD_VERSION}`);
  const image: BookwormImage = {
    rootfs: path.join(dir, 'rootfs'),
    layout: path.join(dir, 'layout'),
    dockerArchive: path.join(dir, 'bookworm-docker.tar'),
  };
  const marker = path.join(dir, 'complete');
  if (existsSync(marker)) return image;
  const missing = await missingImageTools();
  if (missing.length > 0) throw new Error(`cannot build the test image: ${missing.join(', ')} not installed (.ci/run installs them with apt-get)`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const mirror = await debianMirror();
  const step = async (cmd: string, args: string[]): Promise<void> => {
    try {
      await run(cmd, args, { maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 });
    } catch (error) {
      const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr).slice(-2000) : String(error);
      throw new Error(`building the test image: ${cmd} ${args.join(' ')} failed:\n${detail}`);
    }
  };
  await step('debootstrap', ['--variant=minbase', 'bookworm', image.rootfs, mirror]);
  await step('umoci', ['init', '--layout', image.layout]);
  await step('umoci', ['new', '--image', `${image.layout}:bookworm`]);
  await step('umoci', ['insert', '--image', `${image.layout}:bookworm`, image.rootfs, '/']);
  await step('umoci', ['config', '--image', `${image.layout}:bookworm`, '--config.cmd', '/bin/bash', '--os', 'linux', '--architecture', 'amd64']);
  await step('umoci', ['gc', '--layout', image.layout]);
  await step('skopeo', ['copy', '--quiet', `oci:${image.layout}:bookworm`, `docker-archive:${image.dockerArchive}:bosun/debian:bookworm`]);
  await writeFile(marker, `${new Date().toISOString()}\n`);
  return image;
}

/** The Debian mirror apt already uses here (deb822 or one-line sources), else deb.debian.org. */
async function debianMirror(): Promise<string> {
  const candidates = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list'];
  for (const file of candidates) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const deb822 = /^URIs:\s*(\S+)/m.exec(text);
    if (deb822?.[1] !== undefined) return deb822[1];
    const oneLine = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\s/m.exec(text);
    if (oneLine?.[1] !== undefined) return oneLine[1];
  }
  return 'http://deb.debian.org/debian';
}

/** `dpkg-query -W` over the image's root filesystem: the oracle, as `name version` lines, sorted. */
export async function dpkgOracle(rootfs: string): Promise<string[]> {
  const { stdout } = await run('dpkg-query', ['-W', '-f', '${Package} ${Version}\\n', `--admindir=${path.join(rootfs, 'var/lib/dpkg')}`], { maxBuffer: 16 * 1024 * 1024 });
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .sort();
}
