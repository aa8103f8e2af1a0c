import type { ImageMeta, LayerDescriptor } from '../../image/source.js';
import { parsePurl } from '../../inventory/index.js';
import { BOSUN_PROPERTY } from '../properties.js';
import { all, first } from './properties.js';
import type { CdxComponent } from './schema.js';

/**
 * The image from metadata.component: its digest from the version or the `oci` purl's version
 * (ref. purl-spec oci), its config and layers from Bosun's properties when present. Layers read
 * back have no media type or size, which the SBOM does not keep ('' and -1, "unknown").
 */
export function imageOf(subject: CdxComponent): ImageMeta {
  const purl = parsePurl(subject.purl ?? '');
  const purlDigest = purl?.type === 'oci' ? purl.version : undefined;
  const digest = subject.version?.startsWith('sha256:') === true ? subject.version : purlDigest;
  const diffIds = all(subject, BOSUN_PROPERTY.imageDiffId);
  const layers = all(subject, BOSUN_PROPERTY.imageLayer).map((digest, i): LayerDescriptor => {
    const diffId = diffIds[i];
    return { digest, mediaType: '', size: -1, ...(diffId !== undefined && diffId !== '' ? { diffId } : {}) };
  });
  const config: ImageMeta['config'] = { diffIds: diffIds.filter((d) => d !== '') };
  const setIf = (key: 'os' | 'architecture' | 'variant' | 'created', value: string | undefined): void => {
    if (value !== undefined) config[key] = value;
  };
  setIf('os', first(subject, BOSUN_PROPERTY.imageOs));
  setIf('architecture', first(subject, BOSUN_PROPERTY.imageArchitecture));
  setIf('variant', first(subject, BOSUN_PROPERTY.imageVariant));
  setIf('created', first(subject, BOSUN_PROPERTY.imageCreated));
  const mediaType = first(subject, BOSUN_PROPERTY.imageManifestMediaType);
  return {
    name: subject.name,
    ...(digest !== undefined ? { manifestDigest: digest } : {}),
    ...(mediaType !== undefined ? { manifestMediaType: mediaType } : {}),
    config,
    layers,
  };
}
