import { z } from 'zod';
import { BosunError } from '../../kernel/index.js';
import { parseQuantity } from '../../k8s/index.js';

/** kubeaudit's auditor names, in the order kubeaudit's `all` command lists them. */
export const AUDITOR_NAMES = [
  'apparmor', 'asat', 'capabilities', 'deprecatedapis', 'hostns', 'image', 'limits',
  'mounts', 'netpols', 'nonroot', 'privesc', 'privileged', 'rootfs', 'seccomp',
] as const;
export type AuditorName = (typeof AUDITOR_NAMES)[number];

/**
 * Paths whose hostPath mount gives a container power over the node: runtime sockets, kubelet
 * credentials, static pod manifests, the root filesystem. kubeaudit's default deny list.
 */
export const DEFAULT_DENY_PATHS: readonly string[] = [
  '/proc', '/var/run/docker.sock', '/', '/etc', '/root', '/var/run/crio/crio.sock',
  '/run/containerd/containerd.sock', '/home/admin', '/var/lib/kubelet', '/var/lib/kubelet/pki',
  '/etc/kubernetes', '/etc/kubernetes/manifests',
];

/** `1.25` or `v1.25`: Kubernetes minor releases, as kubeaudit's deprecatedapis config takes them. */
const VERSION = /^v?(\d+)\.(\d+)$/;

/** An empty string means "not set", as in kubeaudit's config file. */
const quantity = z
  .string()
  .refine((v) => v === '' || parseQuantity(v) !== undefined, { message: 'not a Kubernetes quantity (e.g. 500m, 1, 512Mi)' });
const version = z.string().refine((v) => v === '' || VERSION.test(v), { message: 'expected major.minor, e.g. 1.25' });

const enabledAuditorsShape = Object.fromEntries(AUDITOR_NAMES.map((name) => [name, z.boolean().optional()])) as Record<
  AuditorName,
  z.ZodOptional<z.ZodBoolean>
>;

/** `options.families.kubeaudit`. Unknown keys are errors: a typo must not silently disable a setting. */
export const KubeauditConfig = z.strictObject({
  /** Auditors to run; a missing key means enabled. @default every auditor enabled */
  enabledAuditors: z.strictObject(enabledAuditorsShape).optional(),
  auditors: z
    .strictObject({
      /** The approved image as `name:tag`; containers of that image with another tag fail. @default none (no tag comparison) */
      image: z.strictObject({ image: z.string().optional() }).optional(),
      /** Maximum CPU and memory limits per container. @default none (only missing limits are reported) */
      limits: z.strictObject({ cpu: quantity.optional(), memory: quantity.optional() }).optional(),
      /** Capabilities a container may add without an override label. @default [] */
      capabilities: z.strictObject({ allowAddList: z.array(z.string()).optional() }).optional(),
      /** hostPath paths that must not be mounted; replaces the default list. @default DEFAULT_DENY_PATHS */
      mounts: z.strictObject({ denyPathsList: z.array(z.string()).optional() }).optional(),
      /**
       * `currentVersion`: the cluster's version; APIs deprecated only after it are reported at info.
       * `targetedVersion`: the version you upgrade to; APIs removed by then are reported at error.
       * @default neither set (every deprecated API is a warning)
       */
      deprecatedapis: z.strictObject({ currentVersion: version.optional(), targetedVersion: version.optional() }).optional(),
    })
    .optional(),
});
export type KubeauditConfig = z.infer<typeof KubeauditConfig>;

/** A Kubernetes minor release. */
export interface Release {
  major: number;
  minor: number;
}

/** The config with defaults applied, as auditors read it. */
export interface KubeauditSettings {
  enabled: ReadonlySet<AuditorName>;
  /** `name:tag` to compare container images against. */
  image: string | undefined;
  maxCpu: string | undefined;
  maxMemory: string | undefined;
  allowAddList: readonly string[];
  denyPaths: ReadonlySet<string>;
  currentVersion: Release | undefined;
  targetedVersion: Release | undefined;
}

/** Validates the family config; bad config is the user's to fix, so it is a `config.invalid` error. */
export function resolveSettings(raw: unknown): KubeauditSettings {
  const parsed = KubeauditConfig.safeParse(raw ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${['families', 'kubeaudit', ...issue.path.map(String)].join('.')}: ${issue.message}`)
      .join('; ');
    throw new BosunError('config.invalid', `invalid kubeaudit family config: ${detail}`, { cause: parsed.error });
  }
  const config = parsed.data;
  const enabled = new Set(AUDITOR_NAMES.filter((name) => config.enabledAuditors?.[name] !== false));
  const auditors = config.auditors;
  return {
    enabled,
    image: nonEmpty(auditors?.image?.image),
    maxCpu: nonEmpty(auditors?.limits?.cpu),
    maxMemory: nonEmpty(auditors?.limits?.memory),
    allowAddList: auditors?.capabilities?.allowAddList ?? [],
    denyPaths: new Set(auditors?.mounts?.denyPathsList ?? DEFAULT_DENY_PATHS),
    currentVersion: parseRelease(auditors?.deprecatedapis?.currentVersion),
    targetedVersion: parseRelease(auditors?.deprecatedapis?.targetedVersion),
  };
}

/** `1.25` → {1, 25}; undefined for unset or empty. */
export function parseRelease(text: string | undefined): Release | undefined {
  const match = text === undefined ? null : VERSION.exec(text);
  if (match === null) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
