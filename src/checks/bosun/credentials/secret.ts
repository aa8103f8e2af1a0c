import type { AuditContext, CheckResult } from '../../types.js';
import type { CheckGroup } from '../group.js';
import { CORE_GROUP, isKind, ownCheck } from '../group.js';
import { base64Entries, plainEntries } from './entries.js';
import { credentialResult } from './result.js';

export const SECRET_IN_MANIFEST = ownCheck({
  id: 'secret-in-manifest',
  title: 'Secret manifest contains real credentials',
  severity: 'high',
  category: 'Secrets',
  description:
    'A Secret\'s `data` is only base64, not encryption: committed to a repository or a chart, its passwords, ' +
    'tokens and keys are readable by everyone with access to the history, forever.',
  remediation:
    'Remove the values from the manifest and rotate them. Create the Secret out of band, or commit it encrypted ' +
    '(Sealed Secrets, SOPS) or as a reference (External Secrets Operator, Secrets Store CSI driver).',
});

/** One result per Secret, pointing at the first key with a credential and listing all of them. */
export const secretChecks: CheckGroup = {
  checks: [SECRET_IN_MANIFEST],
  run(context: AuditContext): CheckResult[] {
    return context.resources
      .filter((r) => isKind(r, 'Secret', CORE_GROUP))
      .map((secret) =>
        credentialResult(SECRET_IN_MANIFEST, secret, [...base64Entries(secret, 'data'), ...plainEntries(secret, 'stringData')], {
          pass: 'Secret holds no recognizable credential material',
        }),
      );
  },
};
