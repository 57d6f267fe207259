import type { AuditEvent, AuditLog } from '../../../src/ports/audit-log';
import { DateTime, Duration } from 'luxon';
import type { ActivateRolesUseCase } from '../../../src/app/activation/activate-roles.use-case';
import type { ActivationOutcome } from '../../../src/app/activation/activation-outcome';
import { ExtendActivationUseCase } from '../../../src/app/reminders/extend-activation.use-case';
import type { Actor } from '../../../src/app/shared/actor';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';
import type { ApproverResolver } from '../../../src/app/activation/approver-resolver';
import type { ActivationRules, ActiveRole } from '../../../src/domain/roles';
import type { PimGateway } from '../../../src/ports/pim-gateway';
import type { TrackedRequestRepository } from '../../../src/ports/stores';
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
  let audit: AuditEvent[];
  let rules: ActivationRules;
  let alreadyActiveAnswers: number;
  let active: ActiveRole;
  /** What the re-activation answers after the deactivation (then 'activated'). */
  let failures: ActivationOutcome['kind'][];
  let strongToken: 'ok' | 'needs step-up' | 'unknown';

  const delegated = () => ({
    userId: 'u1',
    accessToken: async () => 'plain',
    withClaims:
      strongToken === 'unknown'
        ? undefined
        : (claims: string) => ({
            userId: 'u1',
            accessToken: async () => {
              calls.push(`token ${claims.includes('acrs') ? 'acrs' : 'mfa'}`);
              if (strongToken === 'needs step-up') {
                throw new DomainError(ErrorCodes.StepUpRequired, 'verify', {
                  details: { claims: 'challenge' },
                });
              }
              return 'strong';
            },
          }),
  });
  const actor = (): Actor => ({
    userId: 'u1',
    tenantId: 't',
    displayName: 'U',
    timeZone: 'UTC',
    delegated: delegated(),
  });

  beforeEach(() => {
    clock = new TestClock();
    calls = [];
    audit = [];
    rules = { ...RULES };
    alreadyActiveAnswers = 0;
    failures = [];
    strongToken = 'ok';
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
        const failure = failures.shift();
        if (failure) {
          return [
            {
              kind: 'failed',
              role,
              error: new DomainError(ErrorCodes.GraphError, `PIM answered ${failure}`),
            },
          ];
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
      approvers: {
        resolve: async () => [{ id: 'dana', displayName: 'Dana Schmidt' }],
      } as unknown as ApproverResolver,
      trackedRequests: {
        listForPrincipal: async () => [
          {
            roleId: 'r1',
            directoryScopeId: '/',
            createdAt: clock.now().minus({ hours: 1 }),
            data: { justification: 'incident 42', ticket: ticketRequired ? null : 'INC-1' },
          },
        ],
      } as unknown as TrackedRequestRepository,
      audit: {
        record: async (e: AuditEvent) => void audit.push(e),
        list: async () => [],
      } satisfies AuditLog,
      clock: {
        now: () => clock.now(),
        sleep: async (ms: number) => {
          calls.push(`wait ${ms}`);
          clock.advance(Duration.fromObject({ milliseconds: ms }));
        },
      },
      retryEvery: Duration.fromObject({ seconds: 30 }),
    });
  };

  it('deactivates, then activates again for the chosen duration', async () => {
    const outcome = await useCase().execute({
      actor: actor(),
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 2 }),
    });
    expect(calls).toEqual(['deactivate', 'activate PT2H']);
    expect(outcome).toMatchObject({
      kind: 'extended',
      outcome: { kind: 'activated' },
      justification: 'incident 42',
      ticket: 'INC-1',
    });
    // Elevate's own deactivation is on record, so the reconciler never calls it "outside Elevate".
    expect(audit.map((a) => `${a.action} ${a.outcome}`)).toEqual([
      'activation.deactivated succeeded',
      'activation.extended succeeded',
    ]);
    expect(audit[0]).toMatchObject({ reason: 'extend', details: { instanceId: 'inst-1' } });
  });

  it('retries RoleAssignmentExists while PIM catches up, for up to two minutes', async () => {
    alreadyActiveAnswers = 2;
    const outcome = await useCase().execute({
      actor: actor(),
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
      actor: actor(),
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    // now, +30 s, +60 s, +90 s and +120 s (the limit); then the same for the restore
    expect(calls.filter((c) => c.startsWith('activate PT1H'))).toHaveLength(5);
    expect(calls.filter((c) => c.startsWith('activate'))).toHaveLength(10);
    expect(gaveUp).toMatchObject({ kind: 'lost' });
    if (gaveUp.kind === 'lost') {
      expect(gaveUp.failure.message).toMatch(/still reported Global Reader as active 2 min after/);
    }
  });

  it('does not deactivate a role whose policy needs approval (PIM takes no request while it is active)', async () => {
    rules.approvalRequired = true;
    const outcome = await useCase().execute({
      actor: actor(),
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    expect(outcome).toMatchObject({ kind: 'needsApproval', approvers: [{ displayName: 'Dana Schmidt' }] });
    expect(calls).toEqual([]);
  });

  it.each([
    ['an MFA', { mfaRequired: true }, 'mfa'],
    ['an authentication context', { authenticationContext: 'c1' }, 'acrs'],
  ])('obtains the step-up token for %s policy before deactivating', async (_name, rule, claim) => {
    Object.assign(rules, rule);
    strongToken = 'needs step-up';
    const asked = await useCase().execute({
      actor: actor(),
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    expect(asked).toMatchObject({ kind: 'stepUpRequired', claims: 'challenge' });
    expect(calls).toEqual([`token ${claim}`]);

    calls = [];
    strongToken = 'unknown';
    const unknown = await useCase().execute({
      actor: actor(),
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    expect(unknown).toMatchObject({ kind: 'stepUpRequired', claims: expect.stringContaining(claim) });
    expect(calls).toEqual([]);

    strongToken = 'ok';
    const extended = await useCase().execute({
      actor: actor(),
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    expect(extended.kind).toBe('extended');
    expect(calls).toEqual([`token ${claim}`, 'deactivate', 'activate PT1H']);
  });

  it('re-activates at once with the remaining time when the re-activation fails after the deactivation', async () => {
    failures = ['failed'];
    const outcome = await useCase().execute({
      actor: actor(),
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    expect(calls).toEqual(['deactivate', 'activate PT1H', 'activate PT10M']);
    expect(outcome).toMatchObject({ kind: 'restored', failure: { message: 'PIM answered failed' } });
    expect(outcome.kind === 'restored' && outcome.until.toISO()).toBe(active.endDateTime!.toISO());
    expect(audit.map((a) => `${a.action} ${a.outcome}`)).toEqual([
      'activation.deactivated succeeded',
      'activation.extended failed',
    ]);

    calls = [];
    failures = ['failed', 'failed'];
    const lost = await useCase().execute({
      actor: actor(),
      roleId: 'r1',
      directoryScopeId: '/',
      duration: Duration.fromObject({ hours: 1 }),
    });
    expect(lost).toMatchObject({ kind: 'lost' });
  });

  it('checks the request before deactivating: nothing changes when it could not be re-activated', async () => {
    await expect(
      useCase().execute({
        actor: actor(),
        roleId: 'r1',
        directoryScopeId: '/',
        duration: Duration.fromObject({ hours: 9 }),
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.DurationTooLong });
    await expect(
      useCase(true).execute({
        actor: actor(),
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
      actor: actor(),
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
        actor: actor(),
        roleId: 'other',
        directoryScopeId: '/',
        duration: Duration.fromObject({ hours: 1 }),
      }),
    ).rejects.toEqual(expect.any(DomainError));
  });
});
