import type { FileAnalyzer } from '../inventory/index.js';
import { apkInstalled } from './apk-installed/index.js';
import { cargoLock } from './cargo-lock/index.js';
import { composerLock } from './composer-lock/index.js';
import { dotnetDepsJson } from './dotnet-deps-json/index.js';
import { dotnetPackagesLock } from './dotnet-packages-lock/index.js';
import { dpkgStatus } from './dpkg-status/index.js';
import { gemfileLock } from './gemfile-lock/index.js';
import { goBinary } from './go-binary/index.js';
import { goMod } from './go-mod/index.js';
import { javaArchive } from './java-archive/index.js';
import { mavenPom } from './maven-pom/index.js';
import { npmInstalled } from './npm-installed/index.js';
import { npmLock } from './npm-lock/index.js';
import { pnpmLock } from './pnpm-lock/index.js';
import { pythonInstalled } from './python-installed/index.js';
import { pythonPipfile } from './python-pipfile/index.js';
import { pythonPoetry } from './python-poetry/index.js';
import { pythonRequirements } from './python-requirements/index.js';
import { rpmSqlite } from './rpm-sqlite/index.js';
import { rubyGemspec } from './ruby-gemspec/index.js';
import { yarnLock } from './yarn-lock/index.js';

/**
 * Every file analyzer, registered explicitly (no import side effects). A test fails when a folder
 * under analyzers/ is not registered here. Add one line per analyzer.
 */
export const FILE_ANALYZERS: ReadonlyMap<string, FileAnalyzer> = new Map<string, FileAnalyzer>([
  // registered analyzers go here, e.g. [npmLock.id, npmLock],
  [apkInstalled.id, apkInstalled],
  [cargoLock.id, cargoLock],
  [composerLock.id, composerLock],
  [dotnetDepsJson.id, dotnetDepsJson],
  [dotnetPackagesLock.id, dotnetPackagesLock],
  [dpkgStatus.id, dpkgStatus],
  [gemfileLock.id, gemfileLock],
  [goBinary.id, goBinary],
  [goMod.id, goMod],
  [javaArchive.id, javaArchive],
  [mavenPom.id, mavenPom],
  [npmInstalled.id, npmInstalled],
  [npmLock.id, npmLock],
  [pnpmLock.id, pnpmLock],
  [pythonInstalled.id, pythonInstalled],
  [pythonPipfile.id, pythonPipfile],
  [pythonPoetry.id, pythonPoetry],
  [pythonRequirements.id, pythonRequirements],
  [rpmSqlite.id, rpmSqlite],
  [rubyGemspec.id, rubyGemspec],
  [yarnLock.id, yarnLock],
]);
