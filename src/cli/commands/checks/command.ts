import { Command, Option } from 'commander';
import { allChecks, FAMILIES, familiesOf, findCheck } from '../../../checks/index.js';
import type { CheckInfo, FamilyId } from '../../../checks/index.js';
import { BosunError } from '../../../kernel/index.js';
import type { CliIo } from '../../io.js';
import type { CommandResult } from '../../program.js';

export function checksCommand(io: CliIo, result: CommandResult): Command {
  const command = new Command('checks').summary('list the checks Bosun runs and explain them').description('List the checks Bosun runs and explain what each one means and how to fix it.');
  command
    .command('list')
    .summary('list every check with its severity, families and compatible ids')
    .addOption(new Option('--family <family>', 'only checks reported by this family').choices([...FAMILIES.keys()]))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((opts: { family?: FamilyId; format: 'table' | 'json' }) => {
      const checks = [...allChecks().values()]
        .filter((c) => opts.family === undefined || familiesOf(c.id).includes(opts.family))
        .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
      if (opts.format === 'json') {
        io.stdout.write(`${JSON.stringify(checks.map((c) => ({ ...c, families: familiesOf(c.id) })), null, 2)}\n`);
      } else {
        const width = Math.max(...checks.map((c) => c.id.length), 10);
        for (const c of checks) {
          io.stdout.write(`${c.id.padEnd(width)}  ${c.severity.padEnd(8)}  ${c.category.padEnd(12)}  ${c.title}  [${familiesOf(c.id).join(', ')}]\n`);
        }
        io.stdout.write(`\n${checks.length} checks. \`bosun checks explain ID\` shows why and how to fix; ids of Polaris and kubeaudit work too.\n`);
      }
      result.code = 0;
    });
  command
    .command('explain')
    .summary('show why a check matters and how to fix it')
    .argument('<id>', 'a Bosun check id, or a compatible id such as polaris:hostIPCSet or kubeaudit:PrivilegedTrue')
    .action((id: string) => {
      const check = findCheck(id);
      if (check === undefined) throw new BosunError('usage', `unknown check "${id}" (see \`bosun checks list\`)`);
      io.stdout.write(explain(check));
      result.code = 0;
    });
  return command;
}

function explain(check: CheckInfo): string {
  return [
    `${check.id}: ${check.title}`,
    '',
    `Severity:   ${check.severity}`,
    `Category:   ${check.category}`,
    `Families:   ${familiesOf(check.id).join(', ') || '-'}`,
    `Covers:     ${check.compatibleIds.join(', ') || '-'}`,
    '',
    'Why it matters:',
    `  ${check.description}`,
    '',
    'How to fix:',
    `  ${check.remediation}`,
    '',
    `Ignore it for one resource with the annotations bosun.dev/ignore: "${check.id}" and bosun.dev/ignore-reason: "<why>",`,
    'or add an exemption (with a reason, owner and expiry) to .bosun.yaml.',
    '',
  ].join('\n');
}
