/**
 * Deterministic, varied Pods and Deployments for the policy benchmark: most are compliant, and
 * each Pod Security and best-practice control is broken by a few percent of them, so every rule
 * sees both outcomes and the evaluators walk their failure paths too.
 */
import type { JsonObject, Resource } from '../../src/k8s/index.js';
import { toResource } from '../../src/k8s/index.js';

/** mulberry32: a tiny seeded PRNG, so every run evaluates the same objects. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Chance = (p: number) => boolean;

function container(name: string, i: number, chance: Chance, pick: <T>(xs: readonly T[]) => T): JsonObject {
  const registry = pick(['registry.example.com/team', 'ghcr.io/acme', 'docker.io/library', 'quay.io/org']);
  const tag = chance(0.12) ? ':latest' : chance(0.05) ? '' : chance(0.1) ? '@sha256:' + 'a'.repeat(64) : `:1.${i % 40}.${i % 7}`;
  const securityContext: JsonObject = {};
  if (chance(0.65)) securityContext['allowPrivilegeEscalation'] = false;
  if (chance(0.04)) securityContext['privileged'] = true;
  if (chance(0.6)) securityContext['readOnlyRootFilesystem'] = true;
  if (chance(0.6)) securityContext['runAsNonRoot'] = true;
  if (chance(0.04)) securityContext['runAsUser'] = 0;
  const capabilities: JsonObject = {};
  if (chance(0.6)) capabilities['drop'] = ['ALL'];
  if (chance(0.08)) capabilities['add'] = [pick(['NET_BIND_SERVICE', 'NET_RAW', 'SYS_ADMIN', 'CHOWN'])];
  if (Object.keys(capabilities).length > 0) securityContext['capabilities'] = capabilities;
  if (chance(0.03)) securityContext['procMount'] = 'Unmasked';
  if (chance(0.03)) securityContext['seLinuxOptions'] = { type: pick(['container_t', 'spc_t']) };
  if (chance(0.2)) securityContext['seccompProfile'] = { type: pick(['RuntimeDefault', 'RuntimeDefault', 'Localhost', 'Unconfined']), ...(chance(0.5) ? { localhostProfile: 'profiles/app.json' } : {}) };
  const c: JsonObject = {
    name,
    image: `${registry}/app-${i % 300}${tag}`,
    ports: [{ containerPort: 8080 + (i % 3), name: 'http', ...(chance(0.04) ? { hostPort: 8080 } : {}) }],
    env: [{ name: 'LOG_LEVEL', value: 'info' }],
  };
  if (Object.keys(securityContext).length > 0) c['securityContext'] = securityContext;
  if (chance(0.7)) c['resources'] = { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi', ...(chance(0.5) ? { cpu: '500m' } : {}) } };
  if (chance(0.55)) {
    c['livenessProbe'] = { httpGet: { path: '/healthz', port: 'http' } };
    c['readinessProbe'] = { httpGet: { path: '/ready', port: 'http' } };
  }
  return c;
}

function podSpec(i: number, chance: Chance, pick: <T>(xs: readonly T[]) => T): { spec: JsonObject; annotations: JsonObject } {
  const count = chance(0.7) ? 1 : chance(0.6) ? 2 : 3;
  const containers = Array.from({ length: count }, (_, k) => container(k === 0 ? 'app' : `sidecar-${k}`, i + k, chance, pick));
  const spec: JsonObject = { containers, serviceAccountName: `app-${i % 17}` };
  if (chance(0.2)) spec['initContainers'] = [container('init', i, chance, pick)];
  const podSecurity: JsonObject = {};
  if (chance(0.6)) podSecurity['runAsNonRoot'] = true;
  if (chance(0.5)) podSecurity['seccompProfile'] = { type: chance(0.9) ? 'RuntimeDefault' : 'Unconfined' };
  if (chance(0.04)) podSecurity['sysctls'] = [{ name: pick(['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.core.somaxconn', 'kernel.msgmax']), value: '1' }];
  if (chance(0.03)) podSecurity['seLinuxOptions'] = { user: 'system_u' };
  if (Object.keys(podSecurity).length > 0) spec['securityContext'] = podSecurity;
  if (chance(0.04)) spec['hostNetwork'] = true;
  if (chance(0.03)) spec['hostPID'] = true;
  if (chance(0.02)) spec['hostIPC'] = true;
  const volumes: JsonObject[] = [{ name: 'tmp', emptyDir: {} }];
  if (chance(0.4)) volumes.push({ name: 'config', configMap: { name: `cfg-${i % 23}` } });
  if (chance(0.05)) volumes.push({ name: 'host', hostPath: { path: '/var/run' } });
  if (chance(0.02)) volumes.push({ name: 'nfs', nfs: { server: 'nfs.example.com', path: '/exports' } });
  spec['volumes'] = volumes;
  const annotations: JsonObject = {};
  if (chance(0.1)) annotations['container.apparmor.security.beta.kubernetes.io/app'] = chance(0.7) ? 'runtime/default' : 'unconfined';
  return { spec, annotations };
}

/** `count` resources, half Pods and half Deployments, in 50 namespaces. */
export function generateWorkloads(count: number, seed = 42): Resource[] {
  const next = random(seed);
  const chance: Chance = (p) => next() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const resources: Resource[] = [];
  for (let i = 0; i < count; i++) {
    const name = `app-${i}`;
    const namespace = `team-${i % 50}`;
    const labels: JsonObject = {};
    if (chance(0.8)) labels['app.kubernetes.io/name'] = name;
    if (chance(0.6)) labels['team'] = `team-${i % 13}`;
    const { spec, annotations } = podSpec(i, chance, pick);
    const podMeta: JsonObject = { labels, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) };
    const object: JsonObject = i % 2 === 0
      ? { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, ...podMeta }, spec }
      : { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace, labels }, spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: podMeta, spec } } };
    const position = { line: 1, column: 1 };
    resources.push(toResource(object, { file: '<bench>', documentIndex: i, position, locate: () => ({ ...position, exact: false }) }));
  }
  return resources;
}
