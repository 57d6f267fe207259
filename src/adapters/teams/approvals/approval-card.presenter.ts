import type { DateTime } from 'luxon';
import type { ApprovalView } from '../../../app/approvals/approval-record';
import { requestSubject } from '../card-actions/card-action-signer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { renderCard } from '../cards/card-renderer';
import type { CardData } from '../cards/card-data.schemas';
import { CARD_ACTION_TTL, signFor, type PresenterContext } from '../presenters/presenter-context';
import { formatInstant, humanDuration } from '../presenters/time-format';

/** Who the card is for: one approver (buttons bound to them), or a channel (anyone may press; Elevate checks). */
export type ApprovalAudience = { type: 'approver'; approverId: string } | { type: 'channel' };

export const APPROVAL_VERBS = ['approve', 'deny'];

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
 * click came after someone else's decision ("Already approved by … Your click changed nothing").
 */
export function approvalRequestCard(
  ctx: PresenterContext,
  view: ApprovalView,
  audience: ApprovalAudience,
  options: { alreadyDecided?: boolean } = {},
): AdaptiveCardJson {
  const now = ctx.clock.now();
  const at = (instant: DateTime): string => formatInstant(instant, ctx.zone, now);
  const decision = view.decision;
  const decidedState = view.state === 'approved' || view.state === 'denied';
  const state: CardData<'approval-request'>['state'] =
    options.alreadyDecided && decidedState ? 'alreadyDecided' : view.state;
  const pending = view.state === 'pending';
  return renderCard('approval-request', {
    state,
    requesterName: view.requester.displayName,
    requesterInitials: initialsOf(view.requester.displayName),
    requesterDetail: kindLabel(view.kind),
    roleName: view.roleName,
    scopeName: view.scopeName,
    duration: humanDuration(view.duration),
    requestedStart: view.startAt ? at(view.startAt) : 'As soon as approved',
    justification: view.justification ?? '',
    ticketNumber: view.ticket ?? '',
    requestedAt: at(view.requestedAt),
    expiresIn: pending ? timeLeft(view.expiresAt, now) : '',
    portalUrl: portalApprovalsUrl(view.kind),
    reasonRequired: view.reasonRequired,
    requestId: view.requestId,
    approvalId: view.requestId,
    decision: decidedState ? (view.state as 'approved' | 'denied') : '',
    decidedBy: decidedState ? (decision?.byName ?? 'an approver in the Entra portal') : '',
    decidedAt: decision ? at(decision.at) : view.state === 'expired' ? at(view.expiresAt) : '',
    decisionReason: decision?.reason ?? '',
    token: pending ? approvalToken(ctx, view.requestId, audience) : '',
  });
}
