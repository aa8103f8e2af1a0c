import type { Severity } from '../../../findings/index.js';

const CODES: Record<Severity, string> = { critical: '1;35', high: '31', medium: '33', low: '36', info: '37' };

/** ANSI styling that disappears entirely when colour is off (pipes, files, CI logs without a TTY). */
export function paint(enabled: boolean): {
  bold: (s: string) => string;
  dim: (s: string) => string;
  severity: (severity: Severity, s: string) => string;
} {
  const wrap = (code: string, s: string): string => (enabled ? `\u001b[${code}m${s}\u001b[0m` : s);
  return {
    bold: (s) => wrap('1', s),
    dim: (s) => wrap('2', s),
    severity: (severity, s) => wrap(CODES[severity], s),
  };
}
