import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { generatedDiffers, normaliseGenerated } from './generated.js';

describe('generated resource comparison', () => {
  it('normalises Kyverno generate labels and tidies empty values', () => {
    const out = normaliseGenerated({ apiVersion: 'v1', kind: 'X', metadata: { name: 'n', labels: { 'generate.kyverno.io/policy-name': 'p' } }, spec: { a: {}, b: null } });
    assert.deepEqual(out, { apiVersion: 'v1', kind: 'X', metadata: { name: 'n', labels: { 'app.kubernetes.io/managed-by': 'kyverno' } } });
  });

  it('every generated resource must equal one expected document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bosun-gen-'));
    const file = join(dir, 'generated.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\n  namespace: ns\nspec:\n  hard:\n    cpu: "4"\n---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\n  namespace: ns\n');
    const quota: JsonObject = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'ns' }, spec: { hard: { cpu: '4' } } };
    const cache = new Map<string, JsonObject[]>();
    assert.equal(await generatedDiffers([file], [quota], cache), undefined);
    assert.match((await generatedDiffers([file], [{ ...quota, spec: { hard: { cpu: '8' } } }], cache)) ?? '', /matches no expected resource/);
    assert.match((await generatedDiffers([file], [], cache)) ?? '', /no resource/);
  });
});
