import { InvalidArgumentError } from 'commander';
import type { Severity } from '../findings/index.js';
import { isSeverity, SEVERITIES, severityRank } from '../findings/index.js';

/** `--severity medium` = medium and above; `--severity high,critical` = exactly those. */
export function parseSeverityFilter(value: string): Severity[] {
  const items = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  for (const item of items) {
    if (!isSeverity(item)) throw new InvalidArgumentError(`unknown severity "${item}" (use ${SEVERITIES.join(', ')})`);
  }
  const severities = items.filter(isSeverity);
  if (severities.length === 1) {
    const min = severities[0] ?? 'info';
    return SEVERITIES.filter((s) => severityRank(s) >= severityRank(min));
  }
  return severities;
}

export function parseFailOn(value: string): Severity | 'none' {
  const v = value.trim().toLowerCase();
  if (v === 'none' || isSeverity(v)) return v;
  throw new InvalidArgumentError(`expected one of ${SEVERITIES.join(', ')} or none`);
}

export function parseExitCode(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new InvalidArgumentError('expected an integer from 0 to 255');
  return n;
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i;
const UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `50MB`, `512k`, `1048576`: binary units, since that is what file sizes are measured in. */
export function parseByteSize(value: string): number {
  const match = SIZE.exec(value.trim());
  if (match === null) throw new InvalidArgumentError('expected a size such as 64MB, 512k or 1048576');
  return Math.floor(Number(match[1]) * (UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1));
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
