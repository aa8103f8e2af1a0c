import type { PathSegment } from '../kernel/index.js';
import type { WorkloadKind } from './kinds.js';
import { isWorkloadKind } from './kinds.js';
import type { JsonObject } from './object.js';
import { asArray, asObject, getPath, stringMap } from './object.js';
import type { Resource } from './resource.js';

/** Where the pod template lives in each workload kind. */
const TEMPLATE_PATHS: Record<WorkloadKind, { spec: PathSegment[]; metadata: PathSegment[] }> = {
  Pod: { spec: ['spec'], metadata: ['metadata'] },
  Deployment: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  ReplicaSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  StatefulSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  DaemonSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  Job: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  ReplicationController: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  PodTemplate: { spec: ['template', 'spec'], metadata: ['template', 'metadata'] },
  CronJob: {
    spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    metadata: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
  },
};

export type ContainerType = 'container' | 'initContainer' | 'ephemeralContainer';

export interface ContainerRef {
  container: JsonObject;
  name: string;
  type: ContainerType;
  /** Path of the container from the resource root. */
  path: PathSegment[];
}

/** The pod part of a workload: its spec and template metadata with their paths. */
export interface PodTemplateRef {
  spec: JsonObject;
  specPath: PathSegment[];
  metadata: JsonObject;
  metadataPath: PathSegment[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export function podTemplateOf(resource: Pick<Resource, 'kind' | 'object'>): PodTemplateRef | undefined {
  if (!isWorkloadKind(resource.kind)) return undefined;
  const paths = TEMPLATE_PATHS[resource.kind];
  const spec = asObject(getPath(resource.object, paths.spec));
  if (spec === undefined) return undefined;
  const metadata = asObject(getPath(resource.object, paths.metadata)) ?? {};
  return {
    spec,
    specPath: paths.spec,
    metadata,
    metadataPath: paths.metadata,
    labels: stringMap(metadata['labels']),
    annotations: stringMap(metadata['annotations']),
  };
}

const CONTAINER_FIELDS: ReadonlyArray<[string, ContainerType]> = [
  ['initContainers', 'initContainer'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

/** Every container of a pod spec, init and ephemeral ones included, in spec order. */
export function containersOf(spec: JsonObject, specPath: readonly PathSegment[]): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const [field, type] of CONTAINER_FIELDS) {
    asArray(spec[field]).forEach((item, index) => {
      const container = asObject(item);
      if (container === undefined) return;
      const name = typeof container['name'] === 'string' ? container['name'] : `${field}[${index}]`;
      out.push({ container, name, type, path: [...specPath, field, index] });
    });
  }
  return out;
}
