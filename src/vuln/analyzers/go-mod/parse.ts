import { lexGoMod } from './lex.js';
import type { ModLine } from './lex.js';

/**
 * A go.mod file. ref. https://go.dev/ref/mod#go-mod-file (grammar) and golang.org/x/mod/modfile,
 * whose strict `Parse` rejects unknown directives; so do we.
 */
export interface GoModFile {
  go?: { version: string; line: number };
  toolchain?: { name: string; line: number };
  requires: Array<{ path: string; version: string; indirect: boolean; line: number }>;
  replaces: Array<{ oldPath: string; oldVersion?: string; newPath: string; newVersion?: string; line: number }>;
}

export type GoModParseResult = { ok: true; file: GoModFile } | { ok: false; line: number; message: string };

const DIRECTIVES = new Set(['module', 'go', 'toolchain', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']);

export function parseGoMod(text: string): GoModParseResult {
  const lexed = lexGoMod(text);
  if (!lexed.ok) return lexed;
  const file: GoModFile = { requires: [], replaces: [] };
  let block: string | undefined;
  for (const entry of lexed.lines) {
    const [first] = entry.tokens;
    if (first === undefined) continue; // comment-only line
    let problem: string | undefined;
    if (block !== undefined) {
      if (first === ')' && entry.tokens.length === 1) block = undefined;
      else problem = directive(file, block, entry, entry.tokens);
    } else if (!DIRECTIVES.has(first)) {
      problem = `unknown directive: ${first}`;
    } else if (entry.tokens.length === 2 && entry.tokens[1] === '(') {
      block = first;
    } else if (entry.tokens.length === 3 && entry.tokens[1] === '(' && entry.tokens[2] === ')') {
      // `require ()`: an empty block
    } else {
      problem = directive(file, first, entry, entry.tokens.slice(1));
    }
    if (problem !== undefined) return { ok: false, line: entry.line, message: problem };
  }
  if (block !== undefined) return { ok: false, line: lexed.lines.at(-1)?.line ?? 1, message: `unterminated ${block} block` };
  return { ok: true, file };
}

/** Records one directive; returns what is wrong with it, if anything. */
function directive(file: GoModFile, verb: string, entry: ModLine, args: string[]): string | undefined {
  switch (verb) {
    case 'go': {
      const [version] = args;
      if (args.length !== 1 || version === undefined || !/^\d+(\.\d+)*((rc|beta)\d+)?$/.test(version)) return 'go: invalid go version';
      file.go = { version, line: entry.line };
      return undefined;
    }
    case 'toolchain': {
      const [name] = args;
      if (args.length !== 1 || name === undefined) return 'toolchain: usage: toolchain name';
      file.toolchain = { name, line: entry.line };
      return undefined;
    }
    case 'require': {
      const [path, version] = args;
      if (args.length !== 2 || path === undefined || version === undefined) return 'require: usage: require module/path v1.2.3';
      // ref. modfile `isIndirect`: the comment is exactly `indirect` or starts with `indirect;`.
      const indirect = entry.comment === 'indirect' || entry.comment.startsWith('indirect;');
      file.requires.push({ path, version, indirect, line: entry.line });
      return undefined;
    }
    case 'replace': {
      const arrow = args.indexOf('=>');
      const [oldPath, oldVersion, ...extraOld] = arrow < 0 ? [] : args.slice(0, arrow);
      const [newPath, newVersion, ...extraNew] = arrow < 0 ? [] : args.slice(arrow + 1);
      if (oldPath === undefined || newPath === undefined || extraOld.length > 0 || extraNew.length > 0) {
        return 'replace: usage: replace module/path [v1.2.3] => other/module v1.4.5 | ../local/path';
      }
      file.replaces.push({
        oldPath,
        ...(oldVersion !== undefined ? { oldVersion } : {}),
        newPath,
        ...(newVersion !== undefined ? { newVersion } : {}),
        line: entry.line,
      });
      return undefined;
    }
    default:
      // module, godebug, exclude, retract, tool, ignore: valid, but they lock no dependency.
      return args.length === 0 ? `${verb}: missing argument` : undefined;
  }
}
