import { roleLabel } from '../presenters/role-label';
import type { DateTime } from 'luxon';
import type { ApprovalView } from '../../../app/approvals/approval-record';
import { requestSubject } from '../card-actions/card-action-signer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { renderCard } from '../cards/card-renderer';
import type { CardData } from '../cards/card-data.schemas';
import { CARD_ACTION_TTL, signFor, type PresenterContext } from '../presenters/presenter-context';
import { formatInstant, humanDuration } from '../presenters/time-format';

/**
 * Who the card is for: one approver (buttons bound to them), or a channel's shared copy. A shared
 * copy names the Teams users (MRIs) who get their own view while it is pending (requester and
 * approvers); everyone else reads the state. It carries buttons for whoever presses (Elevate checks
 * who it is) only when `decidable` (default true): when some approver has no view of their own.
 */
export type ApprovalAudience =
  | { type: 'approver'; approverId: string }
  | { type: 'channel'; userSpecificViewsFor?: string[]; decidable?: boolean };

export const APPROVAL_VERBS = ['approve', 'deny'];
/** The automatic refresh that gives requester and approvers their own view of a channel copy. */
export const APPROVAL_VIEW_VERB = 'refreshApproval';
/** Teams shows user-specific views to at most 60 users per card. */
const MAX_USER_SPECIFIC_VIEWS = 60;

/** The Entra portal page where approvers find requests waiting for them. */
export function portalApprovalsUrl(kind: ApprovalView['kind']): string {
  const blade = kind === 'directoryRole' ? 'aadmigratedroles' : 'aadgroup';
  return `https://portal.azure.com/#view/Microsoft_Azure_PIMCommon/ApproveRequestMenuBlade/~/${blade}`;
}

export function initialsOf(name: string): string {
  const letters = name
    .split(/[\s.@_-]+/)
    .filter((part) => /\p{L}/u.test(part.charAt(0)))
    .map((part) => part.charAt(0).toUpperCase());
  if (letters.length === 0) return '?';
  return letters.length === 1 ? letters[0] : `${letters[0]}${letters[letters.length - 1]}`;
}

/** "23 hours 58 minutes"; "less than a minute" at the end. */
export function timeLeft(until: DateTime, now: DateTime): string {
  const left = until.diff(now, ['hours', 'minutes']);
  if (left.toMillis() < 60_000) return 'less than a minute';
  return humanDuration(left.set({ minutes: Math.floor(left.minutes) }).shiftTo('hours', 'minutes'));
}

/** Approver copies are bound to their approver; channel copies to nobody (Elevate checks who presses). */
function approvalToken(ctx: PresenterContext, requestId: string, audience: ApprovalAudience): string {
  if (audience.type === 'approver')
    return signFor(ctx, APPROVAL_VERBS, requestSubject(requestId), audience.approverId);
  return ctx.signer.sign({
    verbs: APPROVAL_VERBS,
    subject: requestSubject(requestId),
    now: ctx.clock.now(),
    ttl: CARD_ACTION_TTL,
  });
}

function kindLabel(kind: ApprovalView['kind']): string {
  if (kind === 'groupMember') return 'PIM for Groups membership';
  if (kind === 'groupOwner') return 'PIM for Groups ownership';
  return 'Microsoft Entra role';
}

/**
 * The approval card in its current state. `alreadyDecided` is the answer for the approver whose
 * click came after someone else's decision ("Already approved by … Your click changed nothing");
 * `notice` says why a refused click did nothing, on the copy only the clicker gets back.
 */
export function approvalRequestCard(
  ctx: PresenterContext,
  view: ApprovalView,
  audience: ApprovalAudience,
  options: { alreadyDecided?: boolean; notice?: string } = {},
): AdaptiveCardJson {
  const now = ctx.clock.now();
  const at = (instant: DateTime): string => formatInstant(instant, ctx.zone, now);
  const decision = view.decision;
  const decidedState = view.state === 'approved' || view.state === 'denied';
  const state: CardData<'approval-request'>['state'] =
    options.alreadyDecided && decidedState ? 'alreadyDecided' : view.state;
  const pending = view.state === 'pending';
  const decidable = pending && (audience.type === 'approver' || audience.decidable !== false);
  const card = renderCard('approval-request', {
    state,
    requesterName: view.requester.displayName,
    requesterInitials: initialsOf(view.requester.displayName),
    requesterDetail: kindLabel(view.kind),
    roleName: roleLabel(view),
    scopeName: view.scopeName,
    duration: humanDuration(view.duration),
    requestedStart: view.startAt ? at(view.startAt) : 'As soon as approved',
    justification: view.justification ?? '',
    ticketNumber: view.ticket ?? '',
    requestedAt: at(view.requestedAt),
    expiresIn: pending ? timeLeft(view.expiresAt, now) : '',
    portalUrl: portalApprovalsUrl(view.kind),
    reasonRequired: view.reasonRequired,
    waitingFor: audience.type === 'approver' ? '' : approverNames(view),
    decidable,
    requestId: view.requestId,
    approvalId: view.requestId,
    decision: decidedState ? (view.state as 'approved' | 'denied') : '',
    decidedBy: decidedState ? (decision?.byName ?? 'an approver in the Entra portal') : '',
    decidedAt: decision ? at(decision.at) : view.state === 'expired' ? at(view.expiresAt) : '',
    decisionReason: decision?.reason ?? '',
    notice: options.notice ?? '',
    token: decidable ? approvalToken(ctx, view.requestId, audience) : '',
  });
  const viewers = audience.type === 'channel' ? (audience.userSpecificViewsFor ?? []) : [];
  if (!pending || viewers.length === 0) return card;
  // Where Teams supports it, the requester and each approver see their own view (refresh.userIds);
  // everyone else, and clients without user-specific views, keep this card, which works for all.
  return {
    ...card,
    refresh: {
      action: {
        type: 'Action.Execute',
        title: 'Refresh',
        verb: APPROVAL_VIEW_VERB,
        data: {
          requestId: view.requestId,
          token: ctx.signer.sign({
            verbs: [APPROVAL_VIEW_VERB],
            subject: requestSubject(view.requestId),
            now: ctx.clock.now(),
            ttl: CARD_ACTION_TTL,
          }),
        },
      },
      userIds: [...new Set(viewers)].slice(0, MAX_USER_SPECIFIC_VIEWS),
    },
  };
}

/** Who may decide, as the shared copy names them. */
function approverNames(view: ApprovalView): string {
  const others = view.approvers.filter((a) => a.id !== view.requester.id).map((a) => a.displayName);
  return others.length > 0 ? others.join(', ') : "PIM's default approvers";
}

/**
 * The requester's own view of a pending channel copy: their pending request with Cancel (the same
 * card they got when they asked), instead of Approve / Deny.
 */
export function requesterPendingCard(ctx: PresenterContext, view: ApprovalView): AdaptiveCardJson {
  const now = ctx.clock.now();
  return renderCard('activation-result', {
    outcome: 'pending',
    roleName: roleLabel(view),
    scopeName: view.scopeName,
    roleId: view.roleId,
    directoryScopeId: view.directoryScopeId,
    requestId: view.requestId,
    duration: humanDuration(view.duration),
    startsAt: view.startAt ? formatInstant(view.startAt, ctx.zone, now) : '',
    endsAt: '',
    effective: false,
    slow: false,
    approvers:
      view.approvers.length > 0
        ? view.approvers.map((a) => a.displayName)
        : ["PIM's default approvers (Privileged Role and Global Administrators)"],
    expiresIn: timeLeft(view.expiresAt, now),
    requestedAt: formatInstant(view.requestedAt, ctx.zone, now),
    pendingState: '',
    justification: view.justification ?? '',
    ticketNumber: view.ticket ?? '',
    // The requester's own view: only they see it, so it does not name them.
    holderName: '',
    token: signFor(ctx, ['cancel'], requestSubject(view.requestId), view.requester.id),
  });
}
