/**
 * The part of the CycloneDX 1.6 JSON model Bosun writes. ref. CycloneDX 1.6 JSON schema
 * (bom-1.6.schema.json); field names are the schema's, so these types serialise as they are.
 */
export interface CdxProperty {
  name: string;
  value: string;
}

export interface CdxOccurrence {
  location: string;
  line?: number;
}

export type CdxComponentType = 'application' | 'library' | 'container' | 'operating-system';

export interface CdxComponent {
  type: CdxComponentType;
  'bom-ref': string;
  name: string;
  version?: string;
  description?: string;
  scope?: 'required' | 'optional' | 'excluded';
  purl?: string;
  properties?: CdxProperty[];
  evidence?: { occurrences: CdxOccurrence[] };
}

export interface CdxBom {
  $schema: string;
  bomFormat: 'CycloneDX';
  specVersion: '1.6';
  serialNumber: string;
  version: 1;
  metadata: {
    timestamp: string;
    tools: { components: { type: 'application'; name: string; version: string; publisher?: string }[] };
    component: CdxComponent;
  };
  components: CdxComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
}
