import { sharedCheck } from '../../catalog/index.js';
import type { AuditContext, CheckResult } from '../../types.js';
import type { CheckGroup } from '../group.js';
import { CORE_GROUP, isKind } from '../group.js';
import { base64Entries, plainEntries } from './entries.js';
import { credentialResult } from './result.js';

const SECRET_IN_CONFIGMAP = sharedCheck('secret-in-configmap');

/** One result per ConfigMap (a shared check takes no discriminator); every offending key is in the message. */
export const configMapChecks: CheckGroup = {
  checks: [SECRET_IN_CONFIGMAP],
  run(context: AuditContext): CheckResult[] {
    return context.resources
      .filter((r) => isKind(r, 'ConfigMap', CORE_GROUP))
      .map((configMap) =>
        credentialResult(SECRET_IN_CONFIGMAP, configMap, [...plainEntries(configMap, 'data'), ...base64Entries(configMap, 'binaryData')], {
          pass: 'ConfigMap holds no recognizable credential',
        }),
      );
  },
};
