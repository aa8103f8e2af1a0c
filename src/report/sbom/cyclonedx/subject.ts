import type { SbomInventory } from '../../../vuln/index.js';
import { BOSUN_PROPERTY } from '../../../vuln/index.js';
import type { SbomSubject } from '../subject.js';
import type { CdxComponent, CdxProperty } from './model.js';

/**
 * metadata.component: a `container` for an image (ref. CycloneDX 1.6 component.type: "a packaging
 * and/or runtime format ... such as OCI"), an `application` for a scanned directory. The image
 * config and layers go in `bosun:image:` properties so `bosun sbom inspect` can show them again.
 */
export function subjectComponent(subject: SbomSubject, inventory: SbomInventory, ref: string): CdxComponent {
  const properties: CdxProperty[] = [];
  const image = inventory.image;
  if (image !== undefined) {
    const add = (name: string, value: string | undefined): void => {
      if (value !== undefined && value !== '') properties.push({ name, value });
    };
    add(BOSUN_PROPERTY.imageOs, image.config.os);
    add(BOSUN_PROPERTY.imageArchitecture, image.config.architecture);
    add(BOSUN_PROPERTY.imageVariant, image.config.variant);
    add(BOSUN_PROPERTY.imageCreated, image.config.created);
    add(BOSUN_PROPERTY.imageManifestMediaType, image.manifestMediaType);
    for (const layer of image.layers) {
      properties.push({ name: BOSUN_PROPERTY.imageLayer, value: layer.digest }, { name: BOSUN_PROPERTY.imageDiffId, value: layer.diffId ?? '' });
    }
  }
  return {
    type: subject.kind === 'container' ? 'container' : 'application',
    'bom-ref': ref,
    name: subject.name,
    ...(subject.version !== undefined ? { version: subject.version } : {}),
    ...(subject.purl !== undefined ? { purl: subject.purl } : {}),
    ...(properties.length > 0 ? { properties } : {}),
  };
}
