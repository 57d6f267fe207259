import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { AuditLog } from '../../ports/audit-log';
import { AuditActions } from '../../domain/audit/audit-actions';
import type { Logger } from '../observability/logger';

export type TenantVerdict =
  | { ok: true; tenantId: string }
  | { ok: false; reason: 'foreign' | 'mismatch' | 'missing'; tenantId?: string; other?: string };

/**
 * Which tenant an activity comes from. `channelData.tenant.id` is authoritative: Teams sets it on
 * every activity, it is what Microsoft's samples and the Teams docs read, and proactive messages
 * are addressed with it. `conversation.tenantId` is a copy; when both are present and differ the
 * activity is refused as malformed rather than guessed.
 */
export function activityTenant(activity: {
  channelData?: unknown;
  conversation?: { tenantId?: string | null } | null;
}): TenantVerdict {
  const fromChannel = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const channelTenant = typeof fromChannel === 'string' && fromChannel ? fromChannel : undefined;
  const conversationTenant = activity.conversation?.tenantId || undefined;
  if (
    channelTenant &&
    conversationTenant &&
    channelTenant.toLowerCase() !== conversationTenant.toLowerCase()
  ) {
    return { ok: false, reason: 'mismatch', tenantId: channelTenant, other: conversationTenant };
  }
  const tenantId = channelTenant ?? conversationTenant;
  return tenantId ? { ok: true, tenantId } : { ok: false, reason: 'missing' };
}

const REFUSAL =
  'Elevate serves only the organisation it is installed for, and this message came from another ' +
  'one, so nothing was done and nothing about you was kept. Ask your own Teams admin for the ' +
  'privileged-access bot your organisation uses.';

/**
 * Tenant mode: only MicrosoftAppTenantId and the configured allow-list are served. Any other
 * tenant (or an activity whose two tenant ids disagree) gets a short refusal, one audit entry,
 * and nothing else: the turn stops here, before anything records a conversation or user.
 */
export class TenantGate implements Middleware {
  private readonly allowed: Set<string>;

  constructor(
    private readonly deps: {
      allowedTenantIds: readonly string[];
      audit: Pick<AuditLog, 'record'>;
      logger: Logger;
    },
  ) {
    this.allowed = new Set(deps.allowedTenantIds.map((id) => id.toLowerCase()));
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const verdict = activityTenant(context.activity);
    if (verdict.ok && this.allowed.has(verdict.tenantId.toLowerCase())) {
      await next();
      return;
    }
    const activity = context.activity;
    const reason = verdict.ok ? 'foreign' : verdict.reason;
    const tenantId = verdict.ok ? verdict.tenantId : (verdict.tenantId ?? 'unknown');
    this.deps.logger.warn(
      { reason, tenantId, activityType: activity.type },
      'activity from a tenant Elevate does not serve',
    );
    try {
      await this.deps.audit.record({
        actorId: `tenant:${tenantId.slice(0, 100)}`,
        action: AuditActions.tenantRefused,
        outcome: 'refused',
        reason: `TENANT_NOT_SERVED: ${reason}`,
        conversationId: activity.conversation?.id?.slice(0, 200),
        details: {
          reason,
          activityType: activity.type,
          ...(verdict.ok || !verdict.other ? {} : { conversationTenantId: verdict.other.slice(0, 100) }),
        },
      });
    } catch (error) {
      this.deps.logger.error({ err: error }, 'could not audit a refused tenant');
    }
    if (activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 403, body: { code: 'TenantNotServed', message: REFUSAL } },
      });
    } else if (activity.type === ActivityTypes.Message) {
      await context.sendActivity(REFUSAL).catch((error: unknown) => {
        this.deps.logger.warn({ err: error }, 'could not send the tenant refusal');
      });
    }
  }
}
