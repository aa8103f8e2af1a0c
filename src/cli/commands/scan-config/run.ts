import { loadManifests } from '../../../adapters/manifests/index.js';
import { auditResources, parseSelection } from '../../../checks/index.js';
import type { FamilyId } from '../../../checks/index.js';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../../../config/index.js';
import type { LoadedConfig } from '../../../config/index.js';
import { applyExceptions, exceptionsFromAnnotations } from '../../../exceptions/index.js';
import type { Finding, Severity } from '../../../findings/index.js';
import { atLeast, isProblem } from '../../../findings/index.js';
import type { Diagnostic } from '../../../kernel/index.js';
import { BosunError } from '../../../kernel/index.js';
import { totalsOf, WRITERS } from '../../../report/index.js';
import type { ScanReport } from '../../../report/index.js';
import { EXIT } from '../../exit-codes.js';
import type { CliIo } from '../../io.js';
import { useColour } from '../../io.js';
import { writeOutput } from '../../output.js';
import { bosunVersion } from '../../version.js';
import { parseSeverityFilter } from '../../options.js';

/** The flags of `bosun scan config`, as commander parses them (see command.ts). */
export interface ScanConfigOptions {
  format: string;
  output?: string | undefined;
  checks?: string[] | undefined;
  severity?: Severity[] | undefined;
  failOn?: Severity | 'none' | undefined;
  exitCode: number;
  pssVersion?: string | undefined;
  config?: string | undefined;
  showPassed: boolean;
  color?: boolean | undefined;
  maxFileSize?: number | undefined;
}

/** `bosun scan config`: load, audit, apply exceptions, write, and decide the exit status. */
export async function runScanConfig(paths: readonly string[], options: ScanConfigOptions, io: CliIo): Promise<number> {
  const writer = WRITERS.get(options.format);
  if (writer === undefined) throw new BosunError('usage', `unknown format "${options.format}" (use ${[...WRITERS.keys()].join(', ')})`);
  const loaded: LoadedConfig = options.config !== undefined
    ? await loadConfig(options.config, true)
    : await loadConfig(`${io.cwd}/${DEFAULT_CONFIG_FILE}`, false);
  const config = loaded.config;
  const selection = parseSelection(options.checks ?? config.checks ?? ['all']);

  const manifests = await loadManifests(paths, {
    readStdin: () => io.readStdin(),
    ...(options.maxFileSize !== undefined ? { maxFileBytes: options.maxFileSize } : {}),
  });
  if (io.stderr.isTTY === true && manifests.files.length > 200) {
    io.stderr.write(`bosun: auditing ${manifests.resources.length} resources from ${manifests.files.length} files\n`);
  }

  const families: Partial<Record<FamilyId, unknown>> = {};
  if (config.polaris !== undefined) families.polaris = config.polaris;
  if (config.kubeaudit !== undefined) families.kubeaudit = config.kubeaudit;
  if (config.bosun !== undefined) families.bosun = config.bosun;
  const outcome = auditResources({
    resources: manifests.resources,
    selection,
    options: {
      ...(config.pss?.level !== undefined ? { pssLevel: config.pss.level } : {}),
      pssVersion: options.pssVersion ?? config.pss?.version ?? 'latest',
      families,
    },
    includePassed: options.showPassed,
  });

  const now = io.now();
  const exceptions = [...loaded.exceptions, ...exceptionsFromAnnotations(manifests.resources)];
  const excepted = applyExceptions(outcome.findings, exceptions, now);
  const diagnostics: Diagnostic[] = [...manifests.diagnostics];
  for (const e of excepted.expired) {
    diagnostics.push({ level: 'warning', code: 'config.invalid', message: `exception expired on ${e.expires ?? '?'} and no longer applies: ${e.reason}`, file: e.source });
  }

  const severityFilter = options.severity ?? (config.severity === undefined ? undefined : typeof config.severity === 'string' ? parseSeverityFilter(config.severity) : config.severity);
  const shown = sortFindings(severityFilter === undefined ? excepted.findings : excepted.findings.filter((f) => severityFilter.includes(f.severity)));

  const report: ScanReport = {
    tool: { name: 'bosun', version: bosunVersion(), informationUri: 'https://github.com/bosun-dev/bosun' },
    command: 'scan config',
    generatedAt: now.toISOString(),
    inputs: { files: manifests.files, resources: manifests.resources.length },
    findings: shown,
    summaries: outcome.summaries,
    diagnostics,
    totals: totalsOf(shown),
  };
  const colour = options.output === undefined && useColour(io, io.stdout, options.color);
  await writeOutput(io, writer.write(report, { color: colour }), options.output);

  const inputErrors = diagnostics.filter((d) => d.level === 'error');
  if (options.format !== 'table' || options.output !== undefined) {
    // The table already lists input problems; other formats go to files or pipes, so say it on stderr too.
    for (const d of inputErrors) io.stderr.write(`bosun: ${formatDiagnostic(d)}\n`);
  }
  if (inputErrors.length > 0) return EXIT.input;
  const failOn = options.failOn ?? config.failOn ?? 'none';
  if (failOn !== 'none' && shown.some((f) => (f.status === 'fail' || f.status === 'error') && atLeast(f.severity, failOn))) {
    return options.exitCode;
  }
  return EXIT.ok;
}

function formatDiagnostic(d: Diagnostic): string {
  const where = d.file === undefined ? '' : `${d.file}${d.line === undefined ? '' : `:${d.line}${d.column === undefined ? '' : `:${d.column}`}`}: `;
  return `${where}${d.message}`;
}

/** Stable order for every format: by file, line, then check; problems before skips before passes. */
function sortFindings(findings: readonly Finding[]): Finding[] {
  const order = (f: Finding): number => (isProblem(f.status) ? 0 : f.status === 'skip' ? 1 : 2);
  return [...findings].sort(
    (a, b) =>
      (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      order(a) - order(b) ||
      a.checkId.localeCompare(b.checkId) ||
      (a.subject.container ?? '').localeCompare(b.subject.container ?? '') ||
      a.fingerprint.localeCompare(b.fingerprint),
  );
}
