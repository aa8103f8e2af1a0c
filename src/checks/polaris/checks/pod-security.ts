import { asArray, asObject, getPath } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { PolarisCheck, Subject, Verdict } from '../types.js';
import { failed, passed, requireWorkload } from '../verdict.js';

/** Pod-level host access: one verdict per pod spec. */

function hostNamespace(field: 'hostNetwork' | 'hostPID' | 'hostIPC') {
  return (subject: Subject): Verdict => {
    const { spec, specPath } = requireWorkload(subject);
    return spec[field] === true ? failed([...specPath, field]) : passed();
  };
}

export const hostNetworkSet: PolarisCheck = {
  id: 'hostNetworkSet',
  info: sharedCheck('host-network'),
  target: { level: 'pod-spec' },
  messages: { pass: 'Pod does not use the host network', fail: 'Pod uses the host network (hostNetwork: true)' },
  evaluate: hostNamespace('hostNetwork'),
};

export const hostPIDSet: PolarisCheck = {
  id: 'hostPIDSet',
  info: sharedCheck('host-pid'),
  target: { level: 'pod-spec' },
  messages: { pass: 'Pod does not share the host PID namespace', fail: 'Pod shares the host PID namespace (hostPID: true)' },
  evaluate: hostNamespace('hostPID'),
};

export const hostIPCSet: PolarisCheck = {
  id: 'hostIPCSet',
  info: sharedCheck('host-ipc'),
  target: { level: 'pod-spec' },
  messages: { pass: 'Pod does not share the host IPC namespace', fail: 'Pod shares the host IPC namespace (hostIPC: true)' },
  evaluate: hostNamespace('hostIPC'),
};

export const hostPathSet: PolarisCheck = {
  id: 'hostPathSet',
  info: sharedCheck('host-path-volume'),
  target: { level: 'pod-spec' },
  messages: { pass: 'Pod mounts no hostPath volume', fail: 'Pod mounts a hostPath volume' },
  evaluate(subject) {
    const { spec, specPath } = requireWorkload(subject);
    const volumes = asArray(spec['volumes']);
    const index = volumes.findIndex((v) => asObject(v)?.['hostPath'] !== undefined);
    if (index < 0) return passed();
    const name = asObject(volumes[index])?.['name'];
    return failed([...specPath, 'volumes', index, 'hostPath'], typeof name === 'string' ? `volume ${name}` : undefined);
  },
};

/** Polaris looks at the pod and its regular containers; init containers are not inspected. */
export const hostProcess: PolarisCheck = {
  id: 'hostProcess',
  info: sharedCheck('windows-host-process'),
  target: { level: 'pod-spec' },
  messages: { pass: 'No Windows HostProcess container', fail: 'Pod or container runs as a Windows HostProcess' },
  evaluate(subject) {
    const { spec, specPath } = requireWorkload(subject);
    const field = ['securityContext', 'windowsOptions', 'hostProcess'];
    if (getPath(spec, field) === true) return failed([...specPath, ...field]);
    const containers = asArray(spec['containers']);
    const index = containers.findIndex((c) => getPath(c, field) === true);
    return index < 0 ? passed() : failed([...specPath, 'containers', index, ...field]);
  },
};

/** Only regular containers, as in Polaris; an unset procMount is the default. */
export const procMount: PolarisCheck = {
  id: 'procMount',
  info: sharedCheck('proc-mount-unmasked'),
  target: { level: 'pod-spec' },
  messages: { pass: 'Containers keep the default /proc masking', fail: 'A container changes procMount from Default' },
  evaluate(subject) {
    const { spec, specPath } = requireWorkload(subject);
    const containers = asArray(spec['containers']);
    const index = containers.findIndex((c) => {
      const value = getPath(c, ['securityContext', 'procMount']);
      return value !== undefined && value !== 'Default';
    });
    return index < 0 ? passed() : failed([...specPath, 'containers', index, 'securityContext', 'procMount']);
  },
};

export const POD_SECURITY = [hostNetworkSet, hostPIDSet, hostIPCSet, hostPathSet, hostProcess, procMount];
