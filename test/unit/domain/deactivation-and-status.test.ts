import { DateTime } from 'luxon';
import {
  canDeactivate,
  deactivateTooSoon,
  deactivationAllowedAt,
  canonicalStatus,
  isCancelable,
  isClosedWithoutActivation,
  isGrantedOrActive,
  isPending,
  isSettled,
  OPEN_REQUEST_STATUSES,
  RequestStatuses,
  isScheduled,
  isTerminal,
  requestPhase,
  statusIs,
} from '../../../src/domain/activation';
import { ErrorCodes } from '../../../src/domain/errors';
import { approvalStateOf } from '../../../src/app/approvals/approval-state';

const activatedAt = DateTime.fromISO('2026-11-22T09:00:00Z', { zone: 'utc' });

describe('deactivation window', () => {
  it('opens five minutes after activation', () => {
    expect(deactivationAllowedAt(activatedAt).toISO()).toBe('2026-11-22T09:05:00.000Z');
    expect(canDeactivate(activatedAt, activatedAt.plus({ minutes: 4, seconds: 59 }))).toBe(false);
    expect(canDeactivate(activatedAt, activatedAt.plus({ minutes: 5 }))).toBe(true);
  });

  it('explains when deactivation becomes possible, in the user time zone', () => {
    const error = deactivateTooSoon(
      'Global Administrator',
      activatedAt,
      activatedAt.plus({ minutes: 2 }),
      'Asia/Kolkata',
    );
    expect(error?.code).toBe(ErrorCodes.DeactivateTooSoon);
    expect(error?.message).toBe(
      'Global Administrator was activated less than 5 min ago; PIM allows deactivating it from 14:35:00 (Asia/Kolkata).',
    );
    expect(error?.remedy).toBe('Try again at 14:35:00, or let it expire.');
    expect(error?.details).toMatchObject({ allowedAt: '2026-11-22T09:05:00.000Z', waitSeconds: 180 });
  });

  it('returns nothing once deactivation is allowed', () => {
    expect(
      deactivateTooSoon('Global Administrator', activatedAt, activatedAt.plus({ minutes: 6 })),
    ).toBeUndefined();
  });
});

describe('request status helpers', () => {
  it.each([
    ['Provisioned', 'active', true, false],
    ['provisioned', 'active', true, false],
    ['Granted', 'scheduled', false, false],
    ['PendingApproval', 'awaitingApproval', false, true],
    ['PENDINGADMINDECISION', 'awaitingApproval', false, true],
    ['PendingProvisioning', 'inProgress', false, true],
    ['PendingScheduleCreation', 'inProgress', false, true],
    ['ScheduleCreated', 'inProgress', false, true],
    ['Revoked', 'revoked', true, false],
    ['Denied', 'denied', true, false],
    ['Canceled', 'canceled', true, false],
    ['Failed', 'failed', true, false],
    ['TimedOut', 'timedOut', true, false],
    ['SomethingNew', 'inProgress', false, true],
    ['', 'inProgress', false, true],
  ])('%s → %s (terminal %s, pending %s)', (status, phase, terminal, pending) => {
    expect(requestPhase(status)).toBe(phase);
    expect(isTerminal(status)).toBe(terminal);
    expect(isPending(status)).toBe(pending);
  });

  it('treats a missing status as pending (re-poll)', () => {
    expect(isPending(undefined)).toBe(true);
    expect(isTerminal(null)).toBe(false);
  });

  it('knows which requests can be canceled and which are scheduled', () => {
    expect(isCancelable('granted')).toBe(true);
    expect(isCancelable('PendingApproval')).toBe(true);
    expect(isCancelable('Provisioned')).toBe(false);
    expect(isCancelable('Failed')).toBe(false);
    expect(isScheduled('GRANTED')).toBe(true);
    expect(isScheduled('Provisioned')).toBe(false);
  });

  // One table for every question the flows ask of a status: a change here shows in one place.
  it.each(Object.values(RequestStatuses))('%s: settled, open, live and approval state agree', (status) => {
    const phase = requestPhase(status);
    expect(isSettled(status)).toBe(phase !== 'inProgress');
    expect(OPEN_REQUEST_STATUSES.includes(status)).toBe(!isTerminal(status));
    expect(isGrantedOrActive(status)).toBe(phase === 'active' || phase === 'scheduled');
    expect(isClosedWithoutActivation(status)).toBe(isTerminal(status) && phase !== 'active');
    expect(canonicalStatus(status.toLowerCase())).toBe(status);
    const approval = approvalStateOf(status);
    if (phase === 'awaitingApproval') expect(approval).toBe('pending');
    else if (phase === 'revoked' || phase === 'failed') expect(approval).toBeUndefined();
    else expect(approval).toBeDefined();
  });

  it('leaves an unknown status unsettled, as given, and silent about approvals', () => {
    expect(isSettled('SomethingNew')).toBe(false);
    expect(canonicalStatus('SomethingNew')).toBe('SomethingNew');
    expect(approvalStateOf('SomethingNew')).toBeUndefined();
    expect(approvalStateOf('ScheduleCreated')).toBe('approved');
  });

  it('compares statuses case-insensitively', () => {
    expect(statusIs(' provisioned ', 'Provisioned')).toBe(true);
    expect(statusIs('Granted', 'Provisioned')).toBe(false);
    expect(statusIs(undefined, 'Provisioned')).toBe(false);
  });
});
