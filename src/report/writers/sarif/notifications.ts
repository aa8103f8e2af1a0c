import type { Diagnostic } from '../../../kernel/index.js';
import type { SarifNotification } from './types.js';
import { artifactLocationOf } from './uri.js';

/**
 * Input problems are not results about the code: SARIF puts them in
 * `invocation.toolExecutionNotifications` (§3.20.21, §3.58), with the error code as the
 * descriptor id (§3.58.7) and the file position as a location when we have one.
 */
export function notificationOf(diagnostic: Diagnostic): SarifNotification {
  const notification: SarifNotification = {
    level: diagnostic.level,
    message: { text: diagnostic.message },
    descriptor: { id: diagnostic.code },
  };
  if (diagnostic.file !== undefined) {
    const region = diagnostic.line === undefined || diagnostic.line < 1
      ? undefined
      : { startLine: diagnostic.line, ...(diagnostic.column !== undefined && diagnostic.column >= 1 ? { startColumn: diagnostic.column } : {}) };
    notification.locations = [{ physicalLocation: { artifactLocation: artifactLocationOf(diagnostic.file), ...(region === undefined ? {} : { region }) } }];
  }
  return notification;
}
