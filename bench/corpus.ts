/**
 * A deterministic corpus of mixed workload manifests (~1 KB each): Deployments, StatefulSets,
 * DaemonSets, CronJobs, Jobs and Pods, hardened to varying degrees, plus Services, ConfigMaps and
 * NetworkPolicies, so every check family has work to do.
 */
export function generateCorpus(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) docs.push(manifest(i));
  return docs.join('---\n');
}

function manifest(i: number): string {
  const ns = `team-${i % 40}`;
  switch (i % 10) {
    case 7:
      return service(i, ns);
    case 8:
      return configMap(i, ns);
    case 9:
      return i % 20 === 9 ? networkPolicy(i, ns) : workload('Job', i, ns);
    default:
      return workload((['Deployment', 'Deployment', 'Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Pod'] as const)[i % 7] ?? 'Deployment', i, ns);
  }
}

function podSpec(i: number, indent: string): string {
  const hardened = i % 3 !== 0;
  const lines = [
    `serviceAccountName: app-${i % 17}`,
    ...(hardened ? ['automountServiceAccountToken: false', 'securityContext:', '  runAsNonRoot: true', '  runAsUser: 10001', '  seccompProfile:', '    type: RuntimeDefault'] : []),
    ...(i % 11 === 0 ? ['hostNetwork: true'] : []),
    'containers:',
    `  - name: app`,
    `    image: registry.example.com/team/app-${i}:${i % 4 === 0 ? 'latest' : `1.${i % 30}.0`}`,
    '    imagePullPolicy: Always',
    '    ports:',
    '      - containerPort: 8080',
    '        name: http',
    '    env:',
    '      - name: LOG_LEVEL',
    '        value: info',
    ...(i % 13 === 0 ? ['      - name: API_TOKEN', '        value: ghp_abcdefghijklmnopqrstuvwxyz0123456789'] : []),
    ...(i % 5 !== 0
      ? ['    resources:', '      requests:', '        cpu: 100m', '        memory: 128Mi', '      limits:', '        cpu: 500m', '        memory: 256Mi']
      : []),
    ...(i % 2 === 0 ? ['    readinessProbe:', '      httpGet:', '        path: /ready', '        port: http', '    livenessProbe:', '      httpGet:', '        path: /healthz', '        port: http'] : []),
    ...(hardened
      ? ['    securityContext:', '      allowPrivilegeEscalation: false', '      readOnlyRootFilesystem: true', '      capabilities:', '        drop: ["ALL"]']
      : i % 9 === 0
        ? ['    securityContext:', '      privileged: true']
        : []),
  ];
  return lines.map((l) => `${indent}${l}`).join('\n');
}

function meta(kind: string, apiVersion: string, i: number, ns: string): string {
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: app-${i}\n  namespace: ${ns}\n  labels:\n    app.kubernetes.io/name: app-${i}\n    app.kubernetes.io/part-of: shop\n`;
}

function workload(kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'CronJob' | 'Pod' | 'Job', i: number, ns: string): string {
  if (kind === 'Pod') return `${meta('Pod', 'v1', i, ns)}spec:\n${podSpec(i, '  ')}\n`;
  const template = `    metadata:\n      labels:\n        app.kubernetes.io/name: app-${i}\n    spec:\n${podSpec(i, '      ')}\n`;
  if (kind === 'CronJob') {
    const t = template.split('\n').map((l) => (l === '' ? l : `    ${l}`)).join('\n');
    return `${meta(kind, 'batch/v1', i, ns)}spec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n${t}`;
  }
  if (kind === 'Job') return `${meta(kind, 'batch/v1', i, ns)}spec:\n  template:\n${template}`;
  const replicas = kind === 'DaemonSet' ? '' : `  replicas: ${1 + (i % 4)}\n`;
  return `${meta(kind, 'apps/v1', i, ns)}spec:\n${replicas}  selector:\n    matchLabels:\n      app.kubernetes.io/name: app-${i}\n  template:\n${template}`;
}

function service(i: number, ns: string): string {
  const type = i % 30 === 7 ? 'LoadBalancer' : 'ClusterIP';
  return `${meta('Service', 'v1', i, ns)}spec:\n  type: ${type}\n  selector:\n    app.kubernetes.io/name: app-${i - 1}\n  ports:\n    - port: 80\n      targetPort: http\n`;
}

function configMap(i: number, ns: string): string {
  return `${meta('ConfigMap', 'v1', i, ns)}data:\n  LOG_FORMAT: json\n  FEATURE_FLAGS: "search,checkout,recommendations"\n  endpoint: https://api-${i}.example.com\n`;
}

function networkPolicy(i: number, ns: string): string {
  return `${meta('NetworkPolicy', 'networking.k8s.io/v1', i, ns)}spec:\n  podSelector: {}\n  policyTypes: ["Ingress"]\n`;
}
