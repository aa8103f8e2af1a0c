import { asArray, asObject, asString } from '../../k8s/index.js';
import type { PathSegment } from '../../kernel/index.js';
import { plural, quoteList } from '../detail.js';
import { isSet } from '../pod.js';
import type { PssCheck } from '../types.js';

/** ref. PSS baseline: HostPath Volumes — spec.volumes[*].hostPath must be unset. */
export const hostPathVolumes: PssCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  control: 'HostPath Volumes',
  forbiddenReason: 'hostPath volumes',
  facets: ['host-path-volume'],
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const names: string[] = [];
        let first: PathSegment[] | undefined;
        asArray(pod.spec['volumes']).forEach((item, index) => {
          const volume = asObject(item);
          if (volume === undefined || !isSet(volume['hostPath'])) return;
          names.push(asString(volume['name']) ?? `volumes[${index}]`);
          first ??= [...pod.specPath, 'volumes', index, 'hostPath'];
        });
        if (first === undefined) return [];
        return [{ facet: 'host-path-volume', subject: 'other', issue: `${plural(names.length, 'volume', 'volumes')} ${quoteList(names)}`, path: first }];
      },
    },
  ],
};
