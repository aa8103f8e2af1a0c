/**
 * The inventory: what is installed or locked, exactly. Analyzers produce it, SBOM writers and the
 * vulnerability matcher consume it. Ecosystem names follow OSV so advisories key on them directly.
 */
export type Ecosystem =
  | 'npm'
  | 'PyPI'
  | 'Go'
  | 'crates.io'
  | 'Packagist'
  | 'RubyGems'
  | 'Maven'
  | 'NuGet'
  | 'Debian'
  | 'Ubuntu'
  | 'Alpine'
  | 'Red Hat'
  | 'Rocky Linux'
  | 'AlmaLinux'
  | 'Amazon Linux'
  | 'CentOS'
  | 'Fedora';

/** Where a package was found. */
export interface PackageLocation {
  /** Path of the file that declares it (relative to the scanned root). */
  path: string;
  /** 1-based line of the declaration, when the format has one. */
  line?: number;
  /** Digest of the image layer holding the file. */
  layer?: string;
}

export interface Package {
  name: string;
  /** Exactly as the format records it; may be '' when the format gives none. */
  version: string;
  ecosystem: Ecosystem;
  /** Package URL (purl-spec), e.g. `pkg:npm/%40babel/core@7.0.0`. */
  purl: string;
  /** Dependency groups: empty for production; otherwise `dev`, `optional`, `bundled`, `test` or a named group. */
  depGroups: string[];
  /** Commit of a VCS dependency. */
  commit?: string;
  /** Source package of an OS package; advisories for OS packages are keyed on it. */
  source?: { name: string; version: string };
  locations: PackageLocation[];
  /** Format-specific facts worth keeping (e.g. Maven groupId/artifactId, requirement specifiers). */
  metadata?: Record<string, unknown>;
}

/** How analyzers read the files they need, so they never touch a disk, archive or layer directly. */
export interface FileReader {
  /** Text of a file relative to the scanned root, or undefined when it does not exist. */
  readText(path: string): Promise<string | undefined>;
  /**
   * Bytes of a binary file (rpmdb.sqlite, later jars and Go binaries). Optional: sources that cannot
   * give bytes leave it out, and analyzers that need it report that instead of guessing.
   */
  readBytes?(path: string): Promise<Uint8Array | undefined>;
}

/** A problem in one file: reported with the file, never silently skipped. */
export interface AnalyzerError {
  path: string;
  line?: number;
  message: string;
}

export interface AnalyzerOutput {
  packages: Package[];
  errors: AnalyzerError[];
}

/** What a source knows about a file before reading it. */
export interface FileFacts {
  /** Size in bytes. */
  size: number;
  /** Any execute bit set (Go binaries and other executables are recognised by content, not name). */
  executable: boolean;
}

/** What an analyzer is handed for one matching file. */
export interface AnalyzerInput {
  /** Root-relative, `/`-separated. */
  path: string;
  /** The file as UTF-8 text; '' for analyzers whose `input` is 'bytes'. */
  content: string;
  /** The raw bytes; present when the analyzer's `input` is 'bytes'. */
  bytes?: Uint8Array;
  /** Other files of the same root (lower layers included, for images). */
  files: FileReader;
}

/** One lockfile, manifest or binary format. Plain object satisfying this interface; registered in one map. */
export interface FileAnalyzer {
  id: string;
  /** Bumped when output changes, so cached layer results are recomputed. */
  version: number;
  /**
   * Does this analyzer want this file (path relative to the root, `/`-separated)? `facts` is given
   * by sources that know them (every source Bosun has); an analyzer that decides by name ignores it.
   */
  matches(path: string, facts?: FileFacts): boolean;
  /**
   * 'text' (default): `content` is the file as UTF-8. 'bytes': `bytes` holds the raw file and the
   * analyzer must need no other file, so image sources can run it while the layer streams by and
   * keep only its packages (jars, Go binaries), never the file.
   */
  input?: 'text' | 'bytes';
  /**
   * Other files `analyze` may read through `files` besides the matched one (go.sum beside go.mod).
   * Sources that cannot read every file later (image layers stream once) keep these too.
   */
  reads?(path: string): boolean;
  analyze(input: AnalyzerInput): Promise<AnalyzerOutput>;
}
