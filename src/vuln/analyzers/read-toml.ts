import { parse, TomlError } from 'smol-toml';

export type TomlReadResult = { ok: true; value: unknown } | { ok: false; line?: number; message: string };

/** Parses TOML (v1.0.0) for the TOML lockfile analyzers, turning parser errors into a line and a one-line reason. */
export function readToml(text: string): TomlReadResult {
  try {
    return { ok: true, value: parse(text) };
  } catch (error) {
    if (error instanceof TomlError) {
      // smol-toml appends a code frame after the first line; the line number says the same.
      const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
      return { ok: false, line: error.line, message: `malformed TOML: ${reason}` };
    }
    return { ok: false, message: `malformed TOML: ${error instanceof Error ? error.message : String(error)}` };
  }
}
