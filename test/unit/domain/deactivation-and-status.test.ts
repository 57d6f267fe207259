import { DateTime } from 'luxon';
import {
  canDeactivate,
  deactivateTooSoon,
  deactivationAllowedAt,
  isCancelable,
  isPending,
  isScheduled,
  isTerminal,
  requestPhase,
  statusIs,
} from '../../../src/domain/activation';
import { ErrorCodes } from '../../../src/domain/errors';

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

  it('compares statuses case-insensitively', () => {
    expect(statusIs(' provisioned ', 'Provisioned')).toBe(true);
    expect(statusIs('Granted', 'Provisioned')).toBe(false);
    expect(statusIs(undefined, 'Provisioned')).toBe(false);
  });
});
