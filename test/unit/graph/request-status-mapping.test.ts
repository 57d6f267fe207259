import { toPimRequest, type RawScheduleRequest } from '../../../src/adapters/graph/graph-mappers';

/**
 * F16 point 8. An approval left undecided for PIM's 24-hour window (Entra docs, pim-approval-workflow:
 * "If a request isn't approved within 24 hours, the eligible user must resubmit a new request") ends
 * `Canceled`: Graph's request status list (resources/request.md) has no expiry value of its own and
 * TimedOut is Azure Resource Manager's (src/simulator/README.md, "Approvals"). Elevate reads it as
 * expired (TimedOut), and a user's cancel or any other status as PIM said it.
 */
describe('toPimRequest: status of an expired approval', () => {
  const raw = (over: Partial<RawScheduleRequest>): RawScheduleRequest => ({
    id: 'r1',
    status: 'Canceled',
    action: 'selfActivate',
    principalId: 'u1',
    roleDefinitionId: 'role',
    directoryScopeId: '/',
    approvalId: 'r1',
    createdDateTime: '2026-12-01T09:00:00Z',
    completedDateTime: '2026-12-02T09:00:00Z',
    ...over,
  });

  it.each([
    ['canceled a full window after creation, with approval', {}, 'TimedOut'],
    ['canceled by the user within the window', { completedDateTime: '2026-12-01T15:00:00Z' }, 'Canceled'],
    ['canceled with no approval involved', { approvalId: null }, 'Canceled'],
    ['canceled without a completion time', { completedDateTime: null }, 'Canceled'],
    ['denied after a day', { status: 'Denied' }, 'Denied'],
    ['lower-case canceled after the window', { status: 'canceled' }, 'TimedOut'],
  ])('%s → %s', (_name, over, expected) => {
    expect(toPimRequest(raw(over as Partial<RawScheduleRequest>), 'directoryRole').status).toBe(expected);
  });
});
