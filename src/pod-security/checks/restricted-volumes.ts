import { asArray, asObject, asString } from '../../k8s/index.js';
import type { PathSegment } from '../../kernel/index.js';
import { plural, quoteList } from '../detail.js';
import { isSet } from '../pod.js';
import type { PssCheck } from '../types.js';

/** ref. PSS restricted: Volume Types — the only sources that cannot reach node or network storage directly. */
const ALLOWED_SOURCES = new Set([
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret',
]);

/**
 * ref. PSS restricted: Volume Types. Any source outside the allowed set fails, unknown ones included.
 * A volume with no source at all passes: the API server defaults it to emptyDir.
 * Replaces hostPathVolumes (a hostPath is one of the restricted types).
 */
export const restrictedVolumes: PssCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  control: 'Volume Types',
  forbiddenReason: 'restricted volume types',
  facets: ['volume-type-restricted'],
  versions: [
    {
      since: 0,
      overrides: ['hostPathVolumes'],
      evaluate(pod) {
        const names: string[] = [];
        const types: string[] = [];
        let first: PathSegment[] | undefined;
        asArray(pod.spec['volumes']).forEach((item, index) => {
          const volume = asObject(item);
          if (volume === undefined) return;
          const sources = Object.keys(volume).filter((key) => key !== 'name' && isSet(volume[key]));
          if (sources.length === 0 || sources.some((key) => ALLOWED_SOURCES.has(key))) return;
          names.push(asString(volume['name']) ?? `volumes[${index}]`);
          for (const source of sources) if (!types.includes(source)) types.push(source);
          first ??= [...pod.specPath, 'volumes', index, sources[0] ?? 'name'];
        });
        if (first === undefined) return [];
        const issue =
          `${plural(names.length, 'volume', 'volumes')} ${quoteList(names)} ${plural(names.length, 'uses', 'use')} ` +
          `restricted volume ${plural(types.length, 'type', 'types')} ${quoteList(types)}`;
        return [{ facet: 'volume-type-restricted', subject: 'other', issue, path: first }];
      },
    },
  ],
};
