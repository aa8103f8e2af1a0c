import { z } from 'zod';

/**
 * The JSON an image archive holds, validated at the edge. Only the fields the sources read.
 * ref. OCI image-spec v1.1 (descriptor.md, image-index.md, manifest.md, config.md, image-layout.md)
 * and Docker image manifest v2 schema 2; `docker save` manifest.json as moby's image/tarexport writes it.
 */
export const Platform = z.object({
  os: z.string(),
  architecture: z.string(),
  variant: z.string().optional(),
});

export const Descriptor = z.object({
  mediaType: z.string().optional(),
  digest: z.string(),
  size: z.number().int().nonnegative(),
  annotations: z.record(z.string(), z.string()).optional(),
  platform: Platform.optional(),
});
export type Descriptor = z.infer<typeof Descriptor>;

export const ImageIndex = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(Descriptor),
});

export const ImageManifest = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  config: Descriptor,
  layers: z.array(Descriptor),
});

export const ImageConfig = z.object({
  os: z.string().optional(),
  architecture: z.string().optional(),
  variant: z.string().optional(),
  created: z.string().optional(),
  rootfs: z.object({ diff_ids: z.array(z.string()) }).optional(),
});

/** `docker save` manifest.json: one element per image saved. */
export const DockerSaveManifest = z.array(
  z.object({
    Config: z.string(),
    RepoTags: z.array(z.string()).nullable().optional(),
    Layers: z.array(z.string()),
  }),
);

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;
