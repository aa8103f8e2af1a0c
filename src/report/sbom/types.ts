/** Options every SBOM writer takes. */
export interface SbomWriterOptions {
  /** Bosun's version, recorded as the creating tool. */
  toolVersion: string;
  /** Creation time; tests pass a fixed one. @default new Date() */
  now?: Date;
  /** Name of a scanned directory as the user gave it (images are named by their reference). @default '.' */
  name?: string;
}

export interface CycloneDxOptions extends SbomWriterOptions {
  /** `urn:uuid:…`. @default a UUID derived from the document's content, timestamp included */
  serialNumber?: string;
}

export interface SpdxOptions extends SbomWriterOptions {
  /** documentNamespace, an absolute URI unique to this document. @default `https://bosun.dev/spdxdocs/<name>-<uuid from content>` */
  namespace?: string;
}
