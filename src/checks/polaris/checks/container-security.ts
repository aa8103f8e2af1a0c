import type { JsonObject } from '../../../k8s/index.js';
import { asArray, asObject, getPath } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { PolarisCheck } from '../types.js';
import { requireContainer, failed, passed, verdict, requireWorkload } from '../verdict.js';

/**
 * Container hardening. Polaris runs the first four on the pod spec narrowed to one container, so
 * a pod-level securityContext counts where Kubernetes has the field at pod level (runAsUser,
 * runAsNonRoot). privileged, allowPrivilegeEscalation and readOnlyRootFilesystem exist only on
 * containers: Polaris decodes the pod spec into typed structs, which drops them at pod level.
 */

export const runAsPrivileged: PolarisCheck = {
  id: 'runAsPrivileged',
  info: sharedCheck('privileged-container'),
  target: { level: 'container' },
  messages: { pass: 'Container is not privileged', fail: 'Container runs privileged' },
  evaluate(subject) {
    const c = requireContainer(subject);
    const field = ['securityContext', 'privileged'];
    return getPath(c.value, field) === true ? failed([...c.path, ...field]) : passed();
  },
};

export const privilegeEscalationAllowed: PolarisCheck = {
  id: 'privilegeEscalationAllowed',
  info: sharedCheck('privilege-escalation-allowed'),
  target: { level: 'container' },
  messages: {
    pass: 'Container forbids privilege escalation',
    fail: 'Container does not set allowPrivilegeEscalation: false',
  },
  evaluate(subject) {
    const c = requireContainer(subject);
    const field = ['securityContext', 'allowPrivilegeEscalation'];
    return verdict(getPath(c.value, field) === false, [...c.path, ...field]);
  },
};

export const notReadOnlyRootFilesystem: PolarisCheck = {
  id: 'notReadOnlyRootFilesystem',
  info: sharedCheck('root-filesystem-writable'),
  target: { level: 'container' },
  messages: { pass: 'Root filesystem is read-only', fail: 'Root filesystem is writable (readOnlyRootFilesystem is not true)' },
  evaluate(subject) {
    const c = requireContainer(subject);
    const field = ['securityContext', 'readOnlyRootFilesystem'];
    return verdict(getPath(c.value, field) === true, [...c.path, ...field]);
  },
};

/** A context that by itself keeps the process off UID 0. */
function forbidsRoot(context: JsonObject | undefined): boolean {
  if (context === undefined) return false;
  const user = context['runAsUser'];
  return (typeof user === 'number' && user >= 1) || context['runAsNonRoot'] === true;
}

/** A container context that does not undo a pod-level non-root setting. */
function keepsNonRoot(context: JsonObject | undefined): boolean {
  if (context === undefined) return true;
  const user = context['runAsUser'];
  const nonRoot = context['runAsNonRoot'];
  return (user === undefined || (typeof user === 'number' && user >= 1)) && (nonRoot === undefined || nonRoot === true);
}

export const runAsRootAllowed: PolarisCheck = {
  id: 'runAsRootAllowed',
  info: sharedCheck('run-as-root'),
  target: { level: 'container' },
  messages: { pass: 'Container cannot run as root', fail: 'Container may run as root (no runAsNonRoot: true or non-zero runAsUser)' },
  evaluate(subject) {
    const c = requireContainer(subject);
    const pod = asObject(requireWorkload(subject).spec['securityContext']);
    const own = asObject(c.value['securityContext']);
    const ok = (forbidsRoot(pod) && keepsNonRoot(own)) || forbidsRoot(own);
    return verdict(ok, [...c.path, 'securityContext']);
  },
};

const UPPER = (value: unknown): string | undefined => (typeof value === 'string' ? value.toUpperCase() : undefined);

const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN']);

export const dangerousCapabilities: PolarisCheck = {
  id: 'dangerousCapabilities',
  info: sharedCheck('capabilities-added'),
  target: { level: 'container' },
  messages: { pass: 'Container adds no dangerous capability', fail: 'Container adds a dangerous capability' },
  evaluate(subject) {
    const c = requireContainer(subject);
    const field = ['securityContext', 'capabilities', 'add'];
    const added = asArray(getPath(c.value, field));
    const index = added.findIndex((cap) => DANGEROUS.has(UPPER(cap) ?? ''));
    return index < 0 ? passed() : failed([...c.path, ...field, index], String(added[index]));
  },
};

/** The runtime's default capability set: dropping all of them is as good as dropping ALL. */
const DEFAULT_CAPABILITIES = [
  'NET_ADMIN', 'CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID',
  'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE',
];

export const insecureCapabilities: PolarisCheck = {
  id: 'insecureCapabilities',
  info: sharedCheck('capabilities-not-dropped'),
  target: { level: 'container' },
  messages: { pass: 'Container drops the default capabilities', fail: 'Container keeps default capabilities (drop ALL)' },
  evaluate(subject) {
    const c = requireContainer(subject);
    const field = ['securityContext', 'capabilities', 'drop'];
    const raw = getPath(c.value, field);
    if (!Array.isArray(raw)) return failed([...c.path, 'securityContext']);
    const dropped = new Set(raw.map(UPPER));
    const ok = dropped.has('ALL') || DEFAULT_CAPABILITIES.every((cap) => dropped.has(cap));
    return verdict(ok, [...c.path, ...field]);
  },
};

export const hostPortSet: PolarisCheck = {
  id: 'hostPortSet',
  info: sharedCheck('host-port'),
  target: { level: 'container' },
  messages: { pass: 'Container binds no host port', fail: 'Container binds a host port' },
  evaluate(subject) {
    const c = requireContainer(subject);
    const ports = asArray(c.value['ports']);
    // A hostPort of 0 means "none": the typed Kubernetes struct omits it.
    const index = ports.findIndex((p) => {
      const port = asObject(p)?.['hostPort'];
      return port !== undefined && port !== 0;
    });
    return index < 0 ? passed() : failed([...c.path, 'ports', index, 'hostPort']);
  },
};

export const CONTAINER_SECURITY = [
  runAsPrivileged, privilegeEscalationAllowed, notReadOnlyRootFilesystem, runAsRootAllowed,
  dangerousCapabilities, insecureCapabilities, hostPortSet,
];
