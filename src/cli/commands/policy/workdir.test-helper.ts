import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder holding `files` (relative path → content), for command tests. */
export async function workdir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bosun-policy-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

/** A validate-only ClusterPolicy on Pods whose `validate` block is `validate` (indented six spaces). */
export function podPolicy(name: string, validate: string, annotations = ''): string {
  return `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: ${name}
${annotations === '' ? '' : `  annotations:\n${annotations}`}spec:
  rules:
  - name: check
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      message: "${name} failed"
${validate}`;
}

export const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers: [{name: c, image: nginx}]
`;
