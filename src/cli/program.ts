import { Command, CommanderError } from 'commander';
import { describeUnknown, isBosunError } from '../kernel/index.js';
import { checksCommand } from './commands/checks/command.js';
import { policyCommand } from './commands/policy/command.js';
import { sbomCommand } from './commands/sbom/command.js';
import { scanConfigCommand } from './commands/scan-config/command.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { bosunVersion } from './version.js';

/** Set by the action that ran; commander itself only knows success or failure. */
export interface CommandResult {
  code: number;
}

function buildProgram(io: CliIo, result: CommandResult): Command {
  const program = new Command('bosun')
    .description('Bosun: Kubernetes security in one tool. Config audit, policies, SBOMs and more.')
    .version(bosunVersion(), '-v, --version', 'print the version')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  const scan = new Command('scan').summary('scan Kubernetes manifests for security and reliability problems').description('Scan Kubernetes manifests for security and reliability problems.');
  scan.addCommand(scanConfigCommand(io, result));
  program.addCommand(scan);
  program.addCommand(checksCommand(io, result));
  program.addCommand(policyCommand(io, result));
  program.addCommand(sbomCommand(io, result));
  for (const command of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  }
  return program;
}

/** Runs one CLI invocation and returns its exit status. Never throws, never prints a stack. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const result: CommandResult = { code: EXIT.ok };
  const program = buildProgram(io, result);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (isBosunError(error)) {
      io.stderr.write(`bosun: ${error.describe()}\n`);
      return error.code === 'usage' || error.code === 'config.invalid' ? EXIT.usage : error.code.startsWith('input.') ? EXIT.input : EXIT.internal;
    }
    io.stderr.write(`bosun: internal error: ${describeUnknown(error)}\n(this is a bug in Bosun; please report it with the command you ran)\n`);
    if (io.env['BOSUN_DEBUG'] !== undefined && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}
