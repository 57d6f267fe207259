import { DateTime, Duration } from 'luxon';
import type { ApprovalView } from '../../../src/app/approvals/approval-record';
import { CardActionSigner } from '../../../src/adapters/teams/card-actions/card-action-signer';
import {
  approvalRequestCard,
  initialsOf,
  requesterPendingCard,
  timeLeft,
} from '../../../src/adapters/teams/approvals/approval-card.presenter';
import { approvalsListCard } from '../../../src/adapters/teams/approvals/approvals-list.presenter';
import { outcomeText } from '../../../src/adapters/teams/approvals/teams-approval-messenger';
import type { PresenterContext } from '../../../src/adapters/teams/presenters/presenter-context';
import { adaptiveCardsLibraryErrors } from '../cards/card-inspection';

const now = DateTime.fromISO('2026-11-22T13:00:00Z', { zone: 'utc' });
const signer = new CardActionSigner('a-test-secret-that-is-long-enough-123');
const ctx: PresenterContext = { clock: { now: () => now }, signer, zone: 'Europe/Berlin', viewerId: 'dana' };

const view = (over: Partial<ApprovalView> = {}): ApprovalView => ({
  requestId: 'req-1',
  kind: 'directoryRole',
  requester: { id: 'jordan', displayName: 'Jordan Lee' },
  roleId: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  directoryScopeId: '/',
  roleName: 'User Administrator',
  scopeName: 'Directory',
  duration: Duration.fromObject({ hours: 2 }),
  justification: 'reset MFA',
  ticket: 'INC-7',
  requestedAt: now.minus({ minutes: 2 }),
  expiresAt: now.minus({ minutes: 2 }).plus({ hours: 24 }),
  reasonRequired: true,
  approvers: [{ id: 'dana', displayName: 'Dana Schmidt' }],
  state: 'pending',
  ...over,
});

const text = (card: unknown) => JSON.stringify(card);
const tokenOf = (card: unknown): string => {
  const match = /"token":"([^"]*)"/.exec(JSON.stringify(card));
  return match ? match[1] : '';
};

describe('approval card presenter', () => {
  it('shows a pending request with buttons bound to the approver', () => {
    const card = approvalRequestCard(ctx, view(), { type: 'approver', approverId: 'dana' });
    expect(text(card)).toContain('Jordan Lee requests User Administrator');
    expect(text(card)).toContain('expires in 23 h 58 min');
    expect(text(card)).toContain('As soon as approved');
    const check = signer.verify(tokenOf(card), {
      verb: 'deny',
      subject: 'request:req-1',
      actorId: 'dana',
      now,
    });
    expect(check.ok).toBe(true);
    expect(
      signer.verify(tokenOf(card), { verb: 'approve', subject: 'request:req-1', actorId: 'sam', now }),
    ).toEqual({
      ok: false,
      reason: 'wrongActor',
    });
  });

  it('signs channel copies for whoever presses (Elevate checks the approver itself)', () => {
    const card = approvalRequestCard(ctx, view(), { type: 'channel' });
    expect(
      signer.verify(tokenOf(card), { verb: 'approve', subject: 'request:req-1', actorId: 'sam', now }).ok,
    ).toBe(true);
  });

  it('adds user-specific views to a pending channel copy only, as a valid card', () => {
    const card = approvalRequestCard(ctx, view(), {
      type: 'channel',
      userSpecificViewsFor: ['29:a', '29:b', '29:a'],
    });
    expect(card.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: 'refreshApproval' },
      userIds: ['29:a', '29:b'],
    });
    expect(adaptiveCardsLibraryErrors(card)).toEqual([]);
    const many = Array.from({ length: 70 }, (_, i) => `29:${i}`);
    expect(
      (
        approvalRequestCard(ctx, view(), { type: 'channel', userSpecificViewsFor: many }).refresh as {
          userIds: string[];
        }
      ).userIds,
    ).toHaveLength(60);
    expect(approvalRequestCard(ctx, view(), { type: 'channel' }).refresh).toBeUndefined();
    const closed = view({ state: 'denied', decision: { byName: 'Dana Schmidt', at: now } });
    expect(
      approvalRequestCard(ctx, closed, { type: 'channel', userSpecificViewsFor: ['29:a'] }).refresh,
    ).toBeUndefined();
  });

  it('gives the requester their pending request with Cancel bound to them', () => {
    const card = requesterPendingCard(ctx, view({ approvers: [] }));
    expect(text(card)).toContain('"verb":"cancel"');
    expect(text(card)).not.toContain('"verb":"approve"');
    expect(text(card)).toContain("PIM's default approvers");
    expect(
      signer.verify(tokenOf(card), { verb: 'cancel', subject: 'request:req-1', actorId: 'jordan', now }).ok,
    ).toBe(true);
  });

  it('shows decisions without buttons, in the reader’s time zone', () => {
    const decided = view({
      state: 'approved',
      decision: { byName: 'Dana Schmidt', reason: 'Verified', at: now },
      activeUntil: now.plus({ hours: 2 }),
    });
    const card = approvalRequestCard(ctx, decided, { type: 'channel' });
    expect(text(card)).toContain('Approved by Dana Schmidt at 14:00 today (GMT+1)');
    expect(text(card)).toContain('Verified');
    expect(text(card)).not.toContain('"verb":"approve"');
    const late = approvalRequestCard(
      ctx,
      decided,
      { type: 'approver', approverId: 'sam' },
      { alreadyDecided: true },
    );
    expect(text(late)).toContain('Already approved by Dana Schmidt');
    const cancelled = approvalRequestCard(
      ctx,
      view({ state: 'cancelled', decision: { byName: 'Jordan Lee', at: now } }),
      {
        type: 'channel',
      },
    );
    expect(text(cancelled)).toContain('Cancelled by Jordan Lee at 14:00 today');
    const expired = approvalRequestCard(ctx, view({ state: 'expired' }), { type: 'channel' });
    expect(text(expired)).toContain('Expired at 13:58 tomorrow');
  });

  it('lists pending approvals with per-item tokens', () => {
    const card = approvalsListCard(ctx, 'Dana Schmidt', [
      view(),
      view({ requestId: 'req-2', reasonRequired: false }),
    ]);
    expect(text(card)).toContain('Waiting for your approval');
    expect(text(card)).toContain('reason-req-1');
    expect(text(card)).toContain('"requestId":"req-2"');
  });

  it('tells the requester the outcome in words', () => {
    const approved = view({
      state: 'approved',
      decision: { byName: 'Dana Schmidt', reason: 'ok', at: now },
      activeUntil: now.plus({ hours: 2 }),
    });
    expect(outcomeText(approved, ctx)).toBe(
      '✓ Your User Administrator request was approved by Dana Schmidt at 14:00 today (GMT+1): “ok”. User Administrator is active until 16:00 today (GMT+1).',
    );
    expect(outcomeText(view({ state: 'denied', decision: { at: now } }), ctx)).toContain(
      'denied by an approver in the Entra portal',
    );
    expect(outcomeText(view({ state: 'expired' }), ctx)).toContain('expired after 24 hours');
  });

  it('initials and time left', () => {
    expect(initialsOf('Jordan Lee')).toBe('JL');
    expect(initialsOf('Jean-Luc van Damme')).toBe('JD');
    expect(initialsOf('  ')).toBe('?');
    expect(timeLeft(now.plus({ seconds: 20 }), now)).toBe('less than a minute');
    expect(timeLeft(now.plus({ hours: 3, minutes: 5, seconds: 30 }), now)).toBe('3 h 5 min');
  });
});
