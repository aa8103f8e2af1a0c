import { Command, Option } from 'commander';
import { SELECTION_NAMES } from '../../../checks/index.js';
import { writerIds } from '../../../report/index.js';
import type { CliIo } from '../../io.js';
import { collect, parseByteSize, parseExitCode, parseFailOn, parseSeverityFilter } from '../../options.js';
import type { CommandResult } from '../../program.js';
import { runScanConfig } from './run.js';
import type { ScanConfigOptions } from './run.js';

export function scanConfigCommand(io: CliIo, result: CommandResult): Command {
  return new Command('config')
    .summary('audit Kubernetes manifests (Pod Security Standards, Polaris, kubeaudit and Bosun checks)')
    .description(
      'Audit Kubernetes manifests the way Pod Security Admission, Polaris and kubeaudit do, in one pass.\n' +
        'Reads files, directories (recursively: .yaml, .yml, .json) and stdin (-), including multi-document\n' +
        'YAML, List kinds and the output of `helm template` or `kustomize build`.',
    )
    .argument('<paths...>', 'manifest files or directories; - reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(writerIds()).default('table'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--checks <list>', `checks to run: ${SELECTION_NAMES.join(', ')}, or check ids (repeatable, comma-separated)`, collect)
    .option('--severity <levels>', 'show only these severities: one level means that level and above (medium), a list means exactly those (high,critical)', parseSeverityFilter)
    .option('--fail-on <severity>', 'exit with --exit-code when a failing finding is at or above this severity (or "none")', parseFailOn)
    .option('--exit-code <n>', 'exit status used by --fail-on', parseExitCode, 1)
    .option('--pss-version <version>', 'Pod Security Standards version: latest or v1.N')
    .option('-c, --config <file>', 'config file with exemptions and family settings (default: ./.bosun.yaml when present)')
    .option('--show-passed', 'also list checks that passed', false)
    .option('--no-color', 'never colour the table output')
    .option('--max-file-size <size>', 'refuse input files larger than this (default 128MiB)', parseByteSize)
    .addHelpText(
      'after',
      '\nExit status: 0 ok, 1 findings at or above --fail-on (see --exit-code), 2 usage or config error,\n3 some input could not be read or parsed (the rest is still reported), 4 internal error.\n\n' +
        'Examples:\n  bosun scan config examples/\n  helm template ./chart | bosun scan config -\n  bosun scan config k8s/ --checks pss-restricted --fail-on high -f sarif -o bosun.sarif\n',
    )
    .action(async (paths: string[], opts: ScanConfigOptions) => {
      result.code = await runScanConfig(paths, opts, io);
    });
}
