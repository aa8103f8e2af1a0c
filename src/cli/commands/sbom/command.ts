import { Command, Option } from 'commander';
import type { CliIo } from '../../io.js';
import { parseByteSize } from '../../options.js';
import type { CommandResult } from '../../program.js';
import type { SbomOptions, SbomTarget } from './run.js';

const EXIT_HELP = '\nExit status: 0 ok, 2 usage error, 3 some file could not be analyzed (everything else is still listed), 4 internal error.\n';

export function sbomCommand(io: CliIo, result: CommandResult): Command {
  const sbom = new Command('sbom').summary('list the packages installed or locked in a directory').description('List the OS and language packages in a directory, with purls, source packages and where each was found.\nCycloneDX and SPDX output come later; --format json is the inventory itself.');
  sbom.addCommand(target('rootfs', 'an unpacked root filesystem (a container image export, a VM disk mount, or /)', 'Inventory an unpacked root filesystem: the distribution (etc/os-release), its dpkg, apk and rpm packages, and every language package or lockfile. proc/, sys/ and dev/ at the top are skipped; symlinks are not followed.', io, result));
  sbom.addCommand(target('fs', 'a project folder (lockfiles, manifests, installed dependencies)', 'Inventory a project folder: lockfiles, manifests and installed dependencies (and OS packages, if it holds a root filesystem). .git/ folders are skipped; symlinks are not followed.', io, result));
  return sbom;
}

function target(name: SbomTarget, what: string, description: string, io: CliIo, result: CommandResult): Command {
  return new Command(name)
    .summary(`list the packages in ${what}`)
    .description(description)
    .argument('<dir>', 'directory to scan')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-o, --output <file>', 'write the inventory to a file (atomically) instead of stdout')
    .option('--max-file-size <size>', 'do not analyze files larger than this (default 256MiB)', parseByteSize)
    .addHelpText('after', `${EXIT_HELP}\nExamples:\n  bosun sbom ${name} ${name === 'rootfs' ? './rootfs' : '.'}\n  bosun sbom ${name} ${name === 'rootfs' ? './rootfs' : '.'} --format json -o inventory.json\n`)
    .action(async (dir: string, opts: SbomOptions) => {
      // Loaded on use: the analyzers and their parsers are not needed by other commands' start-up.
      const { runSbom } = await import('./run.js');
      result.code = await runSbom(name, dir, opts, io);
    });
}
