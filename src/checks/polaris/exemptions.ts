import type { Resource } from '../../k8s/index.js';
import type { ResolvedPolarisConfig } from './config.js';

const PREFIX = 'polaris.fairwinds.com/';

/**
 * Why a check is skipped for a resource (and container), or undefined when it is not. Annotations
 * on the resource itself win over config exemptions, as in Polaris.
 * ref. FairwindsOps/polaris pkg/config/exemptions.go
 */
export function exemptionFor(
  checkId: string,
  resource: Resource,
  containerName: string | undefined,
  config: ResolvedPolarisConfig,
): string | undefined {
  if (config.annotationExemptions) {
    for (const key of [`${PREFIX}exempt`, `${PREFIX}${checkId}-exempt`]) {
      if (resource.annotations[key]?.toLowerCase() === 'true') return `exempted by annotation ${key}=true`;
    }
  }
  const index = config.exemptions.findIndex((e) => {
    if (e.namespace !== undefined && e.namespace !== '' && e.namespace !== (resource.namespace ?? '')) return false;
    if (e.controllerNames !== undefined && e.controllerNames.length > 0 && !e.controllerNames.some((n) => resource.name.startsWith(n))) return false;
    if (e.containerNames !== undefined && e.containerNames.length > 0 && (containerName === undefined || !e.containerNames.includes(containerName))) return false;
    return e.rules === undefined || e.rules.length === 0 || e.rules.includes(checkId);
  });
  return index < 0 ? undefined : `exempted by polaris exemption #${index + 1}`;
}
