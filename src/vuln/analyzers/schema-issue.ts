import type { z } from 'zod';

/** The first problem zod found, as a path and a reason: `package[2].version: expected string`. */
export interface SchemaIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/** Shared by the analyzers that validate lockfiles with zod at the edge (STYLE rule 5). */
export function firstIssue(error: z.ZodError): SchemaIssue {
  const issue = error.issues[0];
  if (issue === undefined) return { path: [], message: 'invalid document' };
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = path.map((p, n) => (typeof p === 'number' ? `[${p}]` : n === 0 ? p : `.${p}`)).join('');
  const reason = issue.message.replace(/^Invalid input: /, '');
  return { path, message: where === '' ? reason : `${where}: ${reason}` };
}
