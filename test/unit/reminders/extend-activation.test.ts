import { DateTime, Duration } from 'luxon';
import type { ActivateRolesUseCase } from '../../../src/app/activation/activate-roles.use-case';
import type { ActivationOutcome } from '../../../src/app/activation/activation-outcome';
import { ExtendActivationUseCase } from '../../../src/app/reminders/extend-activation.use-case';
import type { Actor } from '../../../src/app/shared/actor';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';
import type { ActivationRules, ActiveRole } from '../../../src/domain/roles';
import type { PimGateway } from '../../../src/ports/pim-gateway';
import type { AuditEntryInput, AuditRepository, TrackedRequestRepository } from '../../../src/ports/stores';
import { TestClock } from '../../contract/test-clock';

const RULES: ActivationRules = {
  maximumDuration: Duration.fromObject({ hours: 8 }),
  justificationRequired: true,
  ticketRequired: false,
  mfaRequired: false,
  approvalRequired: false,
  approvers: [],
  approverJustificationRequired: false,
};

describe('ExtendActivationUseCase', () => {
  let clock: TestClock;
  let calls: string[];
  let audit: AuditEntryInput[];
  let rules: ActivationRules;
  let alreadyActiveAnswers: number;
  let active: ActiveRole;

  const actor = { userId: 'u1', tenantId: 't', displayName: 'U', timeZone: 'UTC', delegated: {} } as Actor;

  beforeEach(() => {
    clock = new TestClock();
    calls = [];
    audit = [];
    rules = { ...RULES };
    alreadyActiveAnswers = 0;
    active = {
      kind: 'directoryRole',
      roleId: 'r1',
      roleName: 'Global Reader',
      directoryScopeId: '/',
      scopeName: 'Directory',
      assignmentType: 'Activated',
      startDateTime: clock.now().minus({ minutes: 50 }),
      endDateTime: clock.now().plus({ minutes: 10 }),
      instanceId: 'inst-1',
    };
  });

  const useCase = (ticketRequired = false) => {
    const pim = {
      listActiveRoles: async () => [active],
      getActivationRules: async () => ({ ...rules, ticketRequired }),
      deactivate: async () => {
        calls.push('deactivate');
        return {};
      },
    } as unknown as PimGateway;
    const activate = {
      execute: async (input: { duration: Duration }): Promise<ActivationOutcome[]> => {
        calls.push(`activate ${input.duration.toISO()}`);
        const role = { ...active, via: { type: 'direct' as const } };
        if (alreadyActiveAnswers > 0) {
          alreadyActiveAnswers -= 1;
          return [{ kind: 'alreadyActive', role }];
        }
        if (rules.approvalRequired) {
          return [
            { kind: 'pendingApproval', role, requestId: 'req-2', approvers: [], duration: input.duration },
          ];
        }
        const now = clock.now();
        return [
          {
            kind: 'activated',
            role,
            requestId: 'req-2',
            startAt: now,
            until: now.plus(input.duration),
            duration: input.duration,
          },
        ];
      },
    } as unknown as ActivateRolesUseCase;
    return new ExtendActivationUseCase({
      pim,
      activate,
      trackedRequests: { listForPrincipal: async () => [] } as unknown as TrackedRequestRepository,
      audit: { append: async (e: AuditEntryInput) => void audit.push(e) } as unknown as AuditRepository,
      clock,
      sleep: async (ms) => {
        calls.push(`wait ${ms}`);
        clock.advance(Duration.fromObject({ milliseconds: ms }));
      },
      retryEvery: Duration.fromObject({ seconds: 30 }),
    });
  };

  it('deactivates, then activates again for the chosen duration', async () => {
    const outcome = await useCase().execute({
      actor,
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 2 }),
    });
    expect(calls).toEqual(['deactivate', 'activate PT2H']);
    expect(outcome).toMatchObject({ kind: 'extended', method: 'reactivate', outcome: { kind: 'activated' } });
    expect(audit[0]).toMatchObject({
      action: 'extend',
      details: { method: 'reactivate', previousInstanceId: 'inst-1' },
    });
  });

  it('retries RoleAssignmentExists while PIM catches up, for up to two minutes', async () => {
    alreadyActiveAnswers = 2;
    const outcome = await useCase().execute({
      actor,
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    expect(calls).toEqual([
      'deactivate',
      'activate PT1H',
      'wait 30000',
      'activate PT1H',
      'wait 30000',
      'activate PT1H',
    ]);
    expect(outcome).toMatchObject({ kind: 'extended', outcome: { kind: 'activated' } });

    calls = [];
    alreadyActiveAnswers = 100;
    const gaveUp = await useCase().execute({
      actor,
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    // now, +30 s, +60 s, +90 s and +120 s (the limit)
    expect(calls.filter((c) => c.startsWith('activate'))).toHaveLength(5);
    expect(gaveUp).toMatchObject({ kind: 'extended', outcome: { kind: 'failed' } });
    if (gaveUp.kind === 'extended' && gaveUp.outcome.kind === 'failed') {
      expect(gaveUp.outcome.error.message).toMatch(/still reports it as active after 2 min/);
    }
  });

  it('starts a normal request (pending approval) when the policy needs approval', async () => {
    rules.approvalRequired = true;
    const outcome = await useCase().execute({
      actor,
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    expect(outcome).toMatchObject({
      kind: 'extended',
      method: 'approvalRequest',
      outcome: { kind: 'pendingApproval' },
    });
  });

  it('checks the request before deactivating: nothing changes when it could not be re-activated', async () => {
    await expect(
      useCase().execute({
        actor,
        roleId: 'r1',
        directoryScopeId: '/',
        duration: Duration.fromObject({ hours: 9 }),
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.DurationTooLong });
    await expect(
      useCase(true).execute({
        actor,
        roleId: 'r1',
        directoryScopeId: '/',
        duration: Duration.fromObject({ hours: 1 }),
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.TicketRequired });
    expect(calls).toEqual([]);
  });

  it('inside the 5-minute floor, says when Extend becomes possible and changes nothing', async () => {
    active = { ...active, startDateTime: clock.now().minus({ minutes: 2 }) };
    const outcome = await useCase().execute({
      actor,
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    expect(outcome.kind).toBe('tooSoon');
    expect(outcome.kind === 'tooSoon' && outcome.possibleAt.toISO()).toBe(
      (active.startDateTime as DateTime).plus({ minutes: 5 }).toISO(),
    );
    expect(calls).toEqual([]);
  });

  it('refuses a role that is no longer active with NOT_ACTIVE', async () => {
    await expect(
      useCase().execute({
        actor,
        roleId: 'other',
        directoryScopeId: '/',
        duration: Duration.fromObject({ hours: 1 }),
      }),
    ).rejects.toEqual(expect.any(DomainError));
  });
});
