import type { AnalyzerOutput, FileAnalyzer } from '../../inventory/index.js';
import { locationOf, npmPackage } from '../npm-package.js';
import { failureOutput } from '../structured-lockfile.js';
import { parseInstalledManifest } from './parse.js';

/**
 * `node_modules/<name>/package.json` and `node_modules/@scope/<name>/package.json`, at any depth
 * (nested copies live in `node_modules/a/node_modules/b`). Only a package's own folder counts:
 * package.json files deeper inside a package (`dist/esm/package.json` module markers) are not
 * packages, dot folders (`.bin`, `.cache`, `.pnpm` store internals) are npm's own, and a
 * package.json outside node_modules is a project manifest, not something installed.
 */
const INSTALLED = /(?:^|\/)node_modules\/(?:@[^/.][^/]*\/)?[^/.@][^/]*\/package\.json$/;

export const npmInstalled = {
  id: 'npm-installed',
  version: 1,
  matches(path: string): boolean {
    return INSTALLED.test(path);
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parseInstalledManifest(content, path);
    if (!parsed.ok) return failureOutput(path, parsed);
    return { packages: [npmPackage({ name: parsed.name, version: parsed.version, locations: [locationOf(path, parsed.line)] })], errors: [] };
  },
} satisfies FileAnalyzer;
