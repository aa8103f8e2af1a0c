import { Command, Option } from 'commander';
import type { CliIo } from '../../io.js';
import { parseByteSize } from '../../options.js';
import type { CommandResult } from '../../program.js';
import type { SbomImageOptions } from './image.js';
import type { SbomOptions, SbomTarget } from './run.js';

const FORMATS = ['table', 'json', 'cyclonedx', 'spdx'];
const FORMAT_HELP = 'output format: table, json (the inventory), cyclonedx (CycloneDX 1.6 JSON) or spdx (SPDX 2.3 JSON)';

const EXIT_HELP = '\nExit status: 0 ok, 2 usage error, 3 some file could not be analyzed (everything else is still listed), 4 internal error.\n';

export function sbomCommand(io: CliIo, result: CommandResult): Command {
  const sbom = new Command('sbom')
    .summary('list the packages in an image, a root filesystem or a project (CycloneDX, SPDX)')
    .description('List the OS and language packages in a container image, a root filesystem or a project folder, with purls, source packages and where each was found (file, line, layer).\nFormats: table, json (the inventory, input of vulnerability matching), CycloneDX 1.6 and SPDX 2.3.\n`bosun sbom TARGET` is `bosun sbom image TARGET`: an image reference, an image archive or layout, or a folder.');
  // The default: `bosun sbom TARGET` is `bosun sbom image TARGET`.
  sbom.addCommand(imageCommand(io, result), { isDefault: true });
  sbom.addCommand(target('rootfs', 'an unpacked root filesystem (a container image export, a VM disk mount, or /)', 'Inventory an unpacked root filesystem: the distribution (etc/os-release), its dpkg, apk and rpm packages, and every language package or lockfile. proc/, sys/ and dev/ at the top are skipped; symlinks are not followed.', io, result));
  sbom.addCommand(target('fs', 'a project folder (lockfiles, manifests, installed dependencies)', 'Inventory a project folder: lockfiles, manifests and installed dependencies (and OS packages, if it holds a root filesystem). .git/ folders are skipped; symlinks are not followed.', io, result));
  sbom.addCommand(inspectCommand(io, result));
  return sbom;
}

function imageCommand(io: CliIo, result: CommandResult): Command {
  return new Command('image')
    .summary('list the packages in a container image (registry, docker save archive or OCI layout)')
    .description('Inventory a container image without unpacking it: each layer is streamed once, keeping only the files analyzers read, with whiteouts applied across layers. TARGET is a `docker save` archive or an OCI layout (directory or tar) when it exists on disk (any other folder is scanned as `rootfs` when it has etc/os-release or a dpkg database, else as `fs`), otherwise a registry reference (credentials from ~/.docker/config.json or $DOCKER_CONFIG; loopback registries use plain HTTP). Analysed layers are cached by digest, so images sharing base layers scan fast.')
    .argument('<target>', 'image reference (registry/repo:tag, repo@sha256:...) or archive / OCI layout path')
    .addOption(new Option('-f, --format <format>', FORMAT_HELP).choices(FORMATS).default('table'))
    .option('-o, --output <file>', 'write the result to a file (atomically) instead of stdout')
    .option('--platform <os/arch[/variant]>', 'image to pick from a multi-platform index (default linux/amd64)')
    .option('--tag <tag>', 'image to pick from an archive or OCI layout holding several')
    .option('--insecure', 'allow plain HTTP and unverified TLS for this registry')
    .option('--cache-dir <dir>', 'layer cache folder (default $XDG_CACHE_HOME/bosun/layers or ~/.cache/bosun/layers)')
    .option('--no-cache', 'do not read or write the layer cache')
    .option('--max-file-size <size>', 'do not analyze files larger than this (default 256MiB)', parseByteSize)
    .addHelpText('after', `${EXIT_HELP}\nExamples:\n  bosun sbom image debian:bookworm\n  bosun sbom image ghcr.io/org/app@sha256:... --platform linux/arm64 -f cyclonedx -o app.cdx.json\n  bosun sbom image ./image.tar -f spdx\n  bosun sbom image ./oci-layout --tag v1.2\n`)
    .action(async (target: string, opts: SbomImageOptions) => {
      const { runSbomImage } = await import('./image.js');
      result.code = await runSbomImage(target, opts, io);
    });
}

function inspectCommand(io: CliIo, result: CommandResult): Command {
  return new Command('inspect')
    .summary('read a CycloneDX or SPDX SBOM back as an inventory')
    .description('Read a CycloneDX (JSON 1.4-1.6 or XML) or SPDX (JSON 2.2/2.3 or tag-value) document, from Bosun or another tool, into the same inventory `bosun sbom image|rootfs|fs` produce. Components without a purl are listed as problems, never dropped silently.')
    .argument('<file>', 'SBOM file')
    .addOption(new Option('-f, --format <format>', FORMAT_HELP).choices(FORMATS).default('table'))
    .option('-o, --output <file>', 'write the result to a file (atomically) instead of stdout')
    .addHelpText('after', `${EXIT_HELP}\nExamples:\n  bosun sbom inspect app.cdx.json\n  bosun sbom inspect app.spdx.json -f json\n`)
    .action(async (file: string, opts: Pick<SbomOptions, 'format' | 'output'>) => {
      const { runSbomInspect } = await import('./inspect.js');
      result.code = await runSbomInspect(file, opts, io);
    });
}

function target(name: SbomTarget, what: string, description: string, io: CliIo, result: CommandResult): Command {
  return new Command(name)
    .summary(`list the packages in ${what}`)
    .description(description)
    .argument('<dir>', 'directory to scan')
    .addOption(new Option('-f, --format <format>', FORMAT_HELP).choices(FORMATS).default('table'))
    .option('-o, --output <file>', 'write the inventory to a file (atomically) instead of stdout')
    .option('--max-file-size <size>', 'do not analyze files larger than this (default 256MiB)', parseByteSize)
    .addHelpText('after', `${EXIT_HELP}\nExamples:\n  bosun sbom ${name} ${name === 'rootfs' ? './rootfs' : '.'}\n  bosun sbom ${name} ${name === 'rootfs' ? './rootfs' : '.'} --format json -o inventory.json\n`)
    .action(async (dir: string, opts: SbomOptions) => {
      // Loaded on use: the analyzers and their parsers are not needed by other commands' start-up.
      const { runSbom } = await import('./run.js');
      result.code = await runSbom(name, dir, opts, io);
    });
}
