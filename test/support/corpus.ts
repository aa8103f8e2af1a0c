/**
 * Where the test runners find the repository and the shared conformance corpora, which live beside
 * the repository in ../shared/conformance/<name> and are read in place.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The repository root: the nearest folder above this module with package.json and tsconfig.json
 * (works from dist/ too, where the compiled module sits at dist/test/support/).
 */
export function repoRoot(): string {
  if (root !== undefined) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'tsconfig.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json and tsconfig.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  root = dir;
  return dir;
}

/**
 * The absolute path of ../shared/conformance/<name> (relative to the repository root), whether or
 * not it exists: for runners that skip their cases when the corpus is absent.
 */
export function sharedCorpusPath(name: string): string {
  return path.resolve(repoRoot(), '../shared/conformance', name);
}

/** The absolute path of ../shared/conformance/<name>; throws, naming the path, when the folder is missing. */
export function sharedCorpus(name: string): string {
  const corpus = sharedCorpusPath(name);
  if (!existsSync(corpus)) {
    throw new Error(`conformance corpus "${name}" not found at ${corpus} (expected ../shared/conformance/${name} beside the repository root ${repoRoot()})`);
  }
  return corpus;
}
