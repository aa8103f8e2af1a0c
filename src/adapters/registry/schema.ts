/**
 * Shapes of what registries and Docker's config file send us, checked at the edge. Only the fields
 * the client reads are declared; everything else passes through unchecked.
 * ref. OCI image-spec v1.1 (manifest.md, image-index.md, descriptor.md, config.md); Docker image
 * manifest v2 schema 2; OCI distribution-spec v1.1 "Error Codes"; Docker token authentication spec.
 */
import { z } from 'zod';

const PlatformSchema = z.object({
  os: z.string(),
  architecture: z.string(),
  variant: z.string().optional(),
});

export const Descriptor = z.object({
  mediaType: z.string().optional(),
  digest: z.string(),
  size: z.number().int().nonnegative().optional(),
  platform: PlatformSchema.optional(),
});
export type Descriptor = z.infer<typeof Descriptor>;

export const ImageManifest = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  config: Descriptor,
  layers: z.array(Descriptor),
});
export type ImageManifest = z.infer<typeof ImageManifest>;

export const ImageIndex = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(Descriptor),
});
export type ImageIndex = z.infer<typeof ImageIndex>;

export const ImageConfig = z.object({
  os: z.string().optional(),
  architecture: z.string().optional(),
  variant: z.string().optional(),
  created: z.string().optional(),
  rootfs: z.object({ type: z.string().optional(), diff_ids: z.array(z.string()).optional() }).optional(),
});
export type ImageConfig = z.infer<typeof ImageConfig>;

/** ref. OCI distribution-spec v1.1 "Error Codes": `{"errors":[{"code","message","detail"}]}`. */
export const ErrorBody = z.object({
  errors: z.array(z.object({ code: z.string(), message: z.string().optional() })),
});

/** ref. Docker token authentication spec "Token Response Fields"; OAuth2 answers use access_token. */
export const TokenAnswer = z.object({
  token: z.string().optional(),
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
});

/** ~/.docker/config.json: the parts that concern registry credentials. */
export const DockerConfigFile = z.object({
  auths: z.record(z.string(), z.object({
    auth: z.string().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
    identitytoken: z.string().optional(),
  })).optional(),
  credsStore: z.string().optional(),
  credHelpers: z.record(z.string(), z.string()).optional(),
});
