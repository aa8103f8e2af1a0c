import type { Finding, Location, Subject } from '../../findings/index.js';

/** `Deployment prod/web`, the form the table writer and kubectl users read. */
export function subjectRef(subject: Subject): string {
  return `${subject.kind} ${subject.namespace === undefined ? '' : `${subject.namespace}/`}${subject.name}`;
}

/** `Deployment prod/web, container app`: the resource plus the container when there is one. */
export function subjectText(subject: Subject): string {
  return subject.container === undefined ? subjectRef(subject) : `${subjectRef(subject)}, container ${subject.container}`;
}

/** `deploy/web.yaml:20:7`, the form editors and CI logs turn into links. */
export function locationText(location: Location): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** Key that groups findings of one resource in one file (container findings go with their resource). */
export function resourceKey(finding: Finding): string {
  const s = finding.subject;
  return [finding.location?.file ?? '', s.kind, s.namespace ?? '', s.name].join('\u0000');
}
