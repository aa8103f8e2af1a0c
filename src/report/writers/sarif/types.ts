/**
 * The subset of SARIF 2.1.0 that Bosun writes. Section numbers refer to the OASIS standard
 * "Static Analysis Results Interchange Format (SARIF) Version 2.1.0" (errata 01).
 */

/** §3.11 message object; we only write plain text. */
export interface SarifMessage {
  text: string;
}

/** §3.12 multiformatMessageString. */
export interface SarifMultiformatMessage {
  text: string;
  markdown?: string;
}

/** §3.4 artifactLocation. */
export interface SarifArtifactLocation {
  uri: string;
  /** §3.4.4; `%SRCROOT%` for paths relative to where the scan ran. */
  uriBaseId?: string;
}

/** §3.30 region; lines and columns are 1-based. */
export interface SarifRegion {
  startLine: number;
  startColumn?: number;
}

/** §3.29 physicalLocation. */
export interface SarifPhysicalLocation {
  artifactLocation: SarifArtifactLocation;
  region?: SarifRegion;
}

/** §3.33 logicalLocation. */
export interface SarifLogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
}

/** §3.28 location. */
export interface SarifLocation {
  physicalLocation?: SarifPhysicalLocation;
  logicalLocations?: SarifLogicalLocation[];
  message?: SarifMessage;
}

/** §3.27.10 level. */
export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

/** §3.35 suppression. */
export interface SarifSuppression {
  kind: 'inSource' | 'external';
  status?: 'accepted' | 'underReview' | 'rejected';
  justification?: string;
  properties?: Record<string, string>;
}

/** §3.27 result. */
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  suppressions?: SarifSuppression[];
  properties?: Record<string, string | string[]>;
}

/** §3.49 reportingDescriptor, used for rules. */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMultiformatMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: {
    tags: string[];
    /** GitHub code scanning: CVSS-like score 0.0–10.0 as a string. */
    'security-severity': string;
    /** GitHub code scanning: `very-high`, `high`, `medium` or `low`. */
    precision: string;
  };
}

/** §3.58 notification. */
export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  descriptor: { id: string };
  locations?: SarifLocation[];
}

/** §3.20 invocation. */
export interface SarifInvocation {
  executionSuccessful: boolean;
  endTimeUtc: string;
  toolExecutionNotifications: SarifNotification[];
}

/** §3.14 run. */
export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      informationUri: string;
      rules: SarifRule[];
    };
  };
  invocations: SarifInvocation[];
  /** §3.14.15: YAML columns are counted in UTF-16 code units (JavaScript string offsets). */
  columnKind: 'utf16CodeUnits' | 'unicodeCodePoints';
  results: SarifResult[];
}

/** §3.13 sarifLog. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}
