/**
 * Go `time.ParseDuration` strings (`1h30m`, `300ms`, `-2.5s`) as milliseconds, because Kyverno's
 * Duration* operators and time functions read durations the way Go does.
 */
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Undefined when the text is not a Go duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const sign = trimmed.startsWith('-') ? -1 : 1;
  let rest = trimmed.replace(/^[+-]/, '');
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const m = /^(\d+\.?\d*|\.\d+)(ns|us|µs|ms|s|m|h)/.exec(rest);
    if (m === null) return undefined;
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

/** Formats milliseconds the way Go's Duration.String does (`1h2m3s`, `1.5s`, `0s`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${trimZeros(rest)}ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = rest / 1000;
  return `${sign}${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${trimZeros(s)}s`;
}

function trimZeros(n: number): string {
  return String(Number(n.toFixed(9)));
}
