/**
 * The benchmark's policy set: the validate policies of the Kyverno library's Pod Security
 * (baseline, restricted) and best-practices folders, in all three languages (JMESPath/pattern
 * ClusterPolicy, ClusterPolicy with validate.cel, ValidatingPolicy), read in place from
 * ../shared/conformance/kyverno. Folders are chosen from features.json, not listed by hand.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LoadedPolicy } from '../../src/policy/index.js';
import { loadPolicyText } from '../../src/policy/index.js';
import { sharedCorpus } from '../../test/support/corpus.js';

/** `pod-security/{baseline,restricted,subrule}/…` and `best-practices/…`, each with its -cel and -vpol flavour. */
const FOLDER = /^(pod-security(-cel|-vpol)?\/(baseline|restricted|subrule)|best-practices(-cel|-vpol)?)\//;

/** Features that mean the folder's policy changes or creates objects, which this benchmark leaves out. */
const NOT_VALIDATE = /^(mutate|generate|mpol|kind\.(Mutating|Generating)Policy)/;

export interface PolicySelection {
  folders: string[];
  policies: LoadedPolicy[];
  /** Rules dropped because they are not validate rules. */
  droppedRules: number;
}

export function selectPolicies(): PolicySelection {
  const corpus = sharedCorpus('kyverno');
  const features = JSON.parse(readFileSync(join(corpus, 'features.json'), 'utf8')) as Record<string, string[]>;
  const folders = Object.keys(features)
    .filter((folder) => FOLDER.test(folder))
    .filter((folder) => {
      const list = features[folder] ?? [];
      return list.some((f) => f.startsWith('validate.') || f === 'kind.ValidatingPolicy') && !list.some((f) => NOT_VALIDATE.test(f));
    })
    .sort();
  const policies: LoadedPolicy[] = [];
  let droppedRules = 0;
  for (const folder of folders) {
    const file = join(corpus, 'cases', folder, `${basename(folder)}.yaml`);
    const loaded = loadPolicyText(file, readFileSync(file, 'utf8'));
    const first = loaded.errors[0];
    if (first !== undefined) throw first;
    for (const policy of loaded.policies) {
      const rules = policy.rules.filter((r) => r.type === 'validate');
      droppedRules += policy.rules.length - rules.length;
      if (rules.length > 0) policies.push({ ...policy, rules });
    }
  }
  return { folders, policies, droppedRules };
}
