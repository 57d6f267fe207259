import { roleLabel } from './role-label';
import type { StatusOverview } from '../../../app/requests/status.use-case';
import { renderCard } from '../cards/card-renderer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { requestSubject } from '../card-actions/card-action-signer';
import { roleActionToken } from './role-card.presenter';
import { signFor, type PresenterContext } from './presenter-context';
import { formatInstant, humanDuration, zoneName } from './time-format';
import { approverNames } from './approver-names';

export function statusCard(
  ctx: PresenterContext,
  displayName: string,
  status: StatusOverview,
): AdaptiveCardJson {
  const now = ctx.clock.now();
  const at = (value: Parameters<typeof formatInstant>[0] | undefined) =>
    value ? formatInstant(value, ctx.zone, now) : '';
  return renderCard('status', {
    subtitle: `${displayName} · times in ${zoneName(ctx.zone, ctx.clock.now())}`,
    pending: status.pending.map((r) => ({
      requestId: r.id,
      roleName: roleLabel(r),
      scopeName: r.scopeName,
      duration: r.duration ? humanDuration(r.duration) : '',
      requestedAt: at(r.createdAt),
      approvers: approverNames(r.approvers),
      token: signFor(ctx, ['cancel'], requestSubject(r.id)),
    })),
    scheduled: status.scheduled.map((r) => ({
      requestId: r.id,
      roleName: roleLabel(r),
      scopeName: r.scopeName,
      startsAt: at(r.startAt),
      endsAt: at(r.endAt ?? (r.startAt && r.duration ? r.startAt.plus(r.duration) : undefined)),
      token: signFor(ctx, ['cancel'], requestSubject(r.id)),
    })),
    activating: status.activating.map((r) => ({
      roleName: roleLabel(r),
      scopeName: r.scopeName,
      requestedAt: at(r.createdAt),
    })),
    active: status.active.map((a) => ({
      roleId: a.roleId,
      directoryScopeId: a.directoryScopeId,
      roleName: roleLabel(a),
      scopeName: a.scopeName,
      endsAt: a.endDateTime ? at(a.endDateTime) : 'No end (permanent assignment)',
      token: roleActionToken(ctx, a),
    })),
    token: signFor(ctx, ['refresh', 'showRoles'], 'roles'),
  });
}
