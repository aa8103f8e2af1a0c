import { BosunError } from '../../kernel/index.js';
import type { Platform } from '../../vuln/index.js';

/** How the user narrows an archive holding several images. */
export interface ArchiveSelection {
  /** Wanted platform, for multi-platform OCI layouts. */
  platform?: Platform;
  /** Wanted tag: a ref.name (`bookworm`), a repo tag (`debian:bookworm`) or a full name. */
  tag?: string;
}

export interface ImageChoice<T> {
  /** The tag or ref name, when the archive records one. */
  ref?: string;
  platform?: Platform;
  digest?: string;
  value: T;
}

/**
 * Does a recorded name answer to what the user typed? Both `bookworm` and `debian:bookworm` name
 * `docker.io/library/debian:bookworm`; ref.name annotations are often the bare tag.
 */
export function refMatches(recorded: string, wanted: string): boolean {
  const short = (name: string): string => name.replace(/^docker\.io\//, '').replace(/^library\//, '');
  return recorded === wanted || short(recorded) === short(wanted) || recorded.endsWith(`:${wanted}`) || wanted.endsWith(`:${recorded}`);
}

export function platformMatches(actual: Platform | undefined, wanted: Platform): boolean {
  if (actual === undefined) return false;
  return actual.os === wanted.os && actual.architecture === wanted.architecture && (wanted.variant === undefined || actual.variant === wanted.variant);
}

export function describePlatform(platform: Platform | undefined): string {
  if (platform === undefined) return 'unknown platform';
  return [platform.os, platform.architecture, platform.variant].filter((p) => p !== undefined && p !== '').join('/');
}

/**
 * The one image the selection names. Ambiguity and no match are errors listing every choice, since
 * guessing (first one, host platform) would inventory an image the user did not mean.
 */
export function chooseImage<T>(choices: readonly ImageChoice<T>[], selection: ArchiveSelection, where: string): ImageChoice<T> {
  let remaining = [...choices];
  if (selection.tag !== undefined) {
    const tag = selection.tag;
    remaining = remaining.filter((c) => c.ref !== undefined && refMatches(c.ref, tag));
  }
  if (selection.platform !== undefined) {
    const platform = selection.platform;
    remaining = remaining.filter((c) => platformMatches(c.platform, platform));
  }
  const [only, ...others] = remaining;
  if (only !== undefined && others.length === 0) return only;
  const listed = choices.map((c) => `  ${c.ref ?? '(untagged)'}  ${describePlatform(c.platform)}${c.digest !== undefined ? `  ${c.digest}` : ''}`).join('\n');
  const wanted = [selection.tag !== undefined ? `tag ${selection.tag}` : '', selection.platform !== undefined ? `platform ${describePlatform(selection.platform)}` : ''].filter((w) => w !== '').join(' and ');
  if (choices.length === 0) throw new BosunError('input.read', 'the archive holds no image', { file: where });
  if (only === undefined) throw new BosunError('usage', `no image in the archive matches ${wanted}; it holds:\n${listed}`, { file: where });
  throw new BosunError('usage', `the archive holds ${remaining.length} images${wanted !== '' ? ` matching ${wanted}` : ''}; choose one with a tag or platform:\n${listed}`, { file: where });
}
