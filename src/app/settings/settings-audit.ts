import { AuditActions } from '../../domain/audit/audit-actions';
import type { AuditLog } from '../../ports/audit-log';
import { actorFields } from '../audit/activation-events';
import type { Actor } from '../shared/actor';

/**
 * The one audit entry every settings change leaves (`settings` card values and approvals channels
 * alike): who changed what, from what to what.
 */
export async function recordSettingChange(
  audit: Pick<AuditLog, 'record'>,
  actor: Pick<Actor, 'userId' | 'displayName'>,
  change: {
    reason: string;
    details: Record<string, string | number | boolean | null>;
    conversationId?: string;
  },
): Promise<void> {
  await audit.record({
    ...actorFields(actor),
    action: AuditActions.settingsChanged,
    outcome: 'succeeded',
    ...(change.conversationId ? { conversationId: change.conversationId } : {}),
    reason: change.reason,
    details: change.details,
  });
}
