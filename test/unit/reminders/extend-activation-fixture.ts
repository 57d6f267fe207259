import type { AuditEvent, AuditLog } from '../../../src/ports/audit-log';
import { Duration } from 'luxon';
import type { ActivateRolesUseCase } from '../../../src/app/activation/activate-roles.use-case';
import type { ActivationOutcome } from '../../../src/app/activation/activation-outcome';
import {
  ExtendActivationUseCase,
  type ExtendOutcome,
} from '../../../src/app/reminders/extend-activation.use-case';
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

/** The ExtendActivationUseCase tests' fakes; a test changes the fields to steer them. */
export interface ExtendWorld {
  clock: TestClock;
  /** What the fakes were asked, in order ('deactivate', 'activate PT1H', 'wait 30000', 'token mfa'). */
  calls: string[];
  audit: AuditEvent[];
  rules: ActivationRules;
  /** How many activations answer 'alreadyActive' (RoleAssignmentExists) first. */
  alreadyActiveAnswers: number;
  active: ActiveRole;
  /** What the re-activation answers after the deactivation (then 'activated'). */
  failures: ActivationOutcome['kind'][];
  strongToken: 'ok' | 'needs step-up' | 'unknown';
  /** Whether Elevate tracked the request that made the activation (its justification 'incident 42'). */
  madeInElevate: boolean;
  /** Extends the role (r1 unless named) by the given hours, as user u1. */
  extend(hours: number, options?: { roleId?: string; ticketRequired?: boolean }): Promise<ExtendOutcome>;
}

/** For a test file: a fresh world before each test. Call at the top level of a describe. */
export function useExtendWorld(): ExtendWorld {
  const w = { extend } as ExtendWorld;
  beforeEach(() => {
    w.clock = new TestClock();
    w.calls = [];
    w.audit = [];
    w.rules = { ...RULES };
    w.alreadyActiveAnswers = 0;
    w.failures = [];
    w.strongToken = 'ok';
    w.madeInElevate = true;
    w.active = {
      kind: 'directoryRole',
      roleId: 'r1',
      roleName: 'Global Reader',
      directoryScopeId: '/',
      scopeName: 'Directory',
      assignmentType: 'Activated',
      startDateTime: w.clock.now().minus({ minutes: 50 }),
      endDateTime: w.clock.now().plus({ minutes: 10 }),
      instanceId: 'inst-1',
    };
  });

  const delegated = () => ({
    userId: 'u1',
    accessToken: async () => 'plain',
    withClaims:
      w.strongToken === 'unknown'
        ? undefined
        : (claims: string) => ({
            userId: 'u1',
            accessToken: async () => {
              w.calls.push(`token ${claims.includes('acrs') ? 'acrs' : 'mfa'}`);
              if (w.strongToken === 'needs step-up') {
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

  function extend(hours: number, options: { roleId?: string; ticketRequired?: boolean } = {}) {
    return useCase(options.ticketRequired).execute({
      actor: actor(),
      roleId: options.roleId ?? 'r1',
      directoryScopeId: '/',
      by: Duration.fromObject({ hours }),
    });
  }

  function activateFake(): ActivateRolesUseCase {
    return {
      execute: async (input: { duration: Duration }): Promise<ActivationOutcome[]> => {
        w.calls.push(`activate ${input.duration.toISO()}`);
        const role = { ...w.active, via: { type: 'direct' as const } };
        if (w.alreadyActiveAnswers > 0) {
          w.alreadyActiveAnswers -= 1;
          return [{ kind: 'alreadyActive', role }];
        }
        const failure = w.failures.shift();
        if (failure) {
          return [
            {
              kind: 'failed',
              role,
              error: new DomainError(ErrorCodes.GraphError, `PIM answered ${failure}`),
            },
          ];
        }
        if (w.rules.approvalRequired) {
          return [
            { kind: 'pendingApproval', role, requestId: 'req-2', approvers: [], duration: input.duration },
          ];
        }
        const now = w.clock.now();
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
  }

  function useCase(ticketRequired = false): ExtendActivationUseCase {
    const pim = {
      listActiveRoles: async () => [w.active],
      getActivationRules: async () => ({ ...w.rules, ticketRequired }),
      deactivate: async () => {
        w.calls.push('deactivate');
        return {};
      },
    } as unknown as PimGateway;
    return new ExtendActivationUseCase({
      pim,
      activate: activateFake(),
      approvers: {
        resolve: async () => [{ id: 'dana', displayName: 'Dana Schmidt' }],
      } as unknown as ApproverResolver,
      trackedRequests: {
        listForPrincipal: async () =>
          w.madeInElevate
            ? [
                {
                  roleId: 'r1',
                  directoryScopeId: '/',
                  createdAt: w.clock.now().minus({ hours: 1 }),
                  data: { justification: 'incident 42', ticket: ticketRequired ? null : 'INC-1' },
                },
              ]
            : [],
      } as unknown as TrackedRequestRepository,
      audit: {
        record: async (e: AuditEvent) => void w.audit.push(e),
        list: async () => [],
      } satisfies AuditLog,
      clock: {
        now: () => w.clock.now(),
        sleep: async (ms: number) => {
          w.calls.push(`wait ${ms}`);
          w.clock.advance(Duration.fromObject({ milliseconds: ms }));
        },
      },
      retryEvery: Duration.fromObject({ seconds: 30 }),
    });
  }

  return w;
}
