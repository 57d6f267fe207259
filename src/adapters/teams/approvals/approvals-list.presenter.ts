import type { ApprovalView } from '../../../app/approvals/approval-record';
import { roleLabel } from '../presenters/role-label';
import { requestSubject } from '../card-actions/card-action-signer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { renderCard } from '../cards/card-renderer';
import { signFor, type PresenterContext } from '../presenters/presenter-context';
import { formatInstant, humanDuration, zoneName } from '../presenters/time-format';
import { APPROVAL_VERBS, initialsOf, timeLeft } from './approval-card.presenter';

/** The approver's pending requests, oldest first, each with its own Approve / Deny. */
export function approvalsListCard(
  ctx: PresenterContext,
  approverName: string,
  views: ApprovalView[],
): AdaptiveCardJson {
  const now = ctx.clock.now();
  return renderCard('approvals-list', {
    subtitle: `${approverName} · times in ${zoneName(ctx.zone, ctx.clock.now())} · oldest first`,
    items: views.map((view) => ({
      requestId: view.requestId,
      approvalId: view.requestId,
      requesterName: view.requester.displayName,
      requesterInitials: initialsOf(view.requester.displayName),
      // PIM for Groups: member and owner are told apart ("(owner)"), as on the approval card.
      roleName: roleLabel(view),
      scopeName: view.scopeName,
      duration: humanDuration(view.duration),
      requestedAt: formatInstant(view.requestedAt, ctx.zone, now),
      expiresIn: timeLeft(view.expiresAt, now),
      justification: view.justification ?? '',
      ticketNumber: view.ticket ?? '',
      reasonRequired: view.reasonRequired,
      token: signFor(ctx, APPROVAL_VERBS, requestSubject(view.requestId)),
    })),
    token: signFor(ctx, ['refresh'], 'approvals'),
  });
}
