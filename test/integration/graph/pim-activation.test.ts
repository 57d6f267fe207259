import { Duration } from 'luxon';
import { isDomainError } from '../../../src/domain/errors';
import { startHarness, withToken, type Harness } from './harness';
import { assertCleanRun } from './shared-checks';
import { T } from './test-tenant';
import { WaitUntilEffective } from '../../../src/app/shared/wait-until-effective';
import { systemClock } from '../../../src/adapters/clock/system-clock';
import type { RoleTarget } from '../../../src/ports/pim-gateway';
import type { DelegatedUser } from '../../../src/ports/token-provider';

const hours = (h: number) => Duration.fromObject({ hours: h });
const dir = (roleId: string, directoryScopeId = '/') => ({
  kind: 'directoryRole' as const,
  roleId,
  directoryScopeId,
});

describe('Graph PIM gateway self actions against the simulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    assertCleanRun(h);
    await h.close();
  });

  it('activates, settles, becomes effective, refuses a duplicate, and deactivates after 5 minutes', async () => {
    const alex = await h.user(T.alex);
    const target = dir(T.roles.globalReader);

    const dryRun = await h.gateway.activate(alex, { ...target, duration: hours(1), validateOnly: true });
    expect(dryRun.validationOnly).toBe(true);
    expect((await h.gateway.listActiveRoles(alex)).some((r) => r.roleId === T.roles.globalReader)).toBe(
      false,
    );

    const request = await h.gateway.activate(alex, {
      ...target,
      duration: hours(1),
      justification: 'on call',
    });
    expect(request).toMatchObject({
      action: 'selfActivate',
      principalId: T.alex,
      roleId: T.roles.globalReader,
    });
    const settled = await h.gateway.waitForSettled({ kind: 'directoryRole', requestId: request.id }, alex);
    expect(settled.status).toBe('Provisioned');
    const active = await effective(alex, target, h.gateway);
    expect(active).toMatchObject({ assignmentType: 'Activated', roleName: 'Global Reader' });
    expect(active!.endDateTime!.diff(active!.startDateTime!).as('minutes')).toBeCloseTo(60, 0);

    await expect(h.gateway.activate(alex, { ...target, duration: hours(1) })).rejects.toMatchObject({
      code: 'ALREADY_ACTIVE',
    });
    await expect(h.gateway.deactivate(alex, target)).rejects.toMatchObject({ code: 'DEACTIVATE_TOO_SOON' });

    h.sim.clock.advance(Duration.fromObject({ minutes: 6 }));
    const revoked = await h.gateway.deactivate(alex, target);
    expect(revoked).toMatchObject({ action: 'selfDeactivate', status: 'Revoked' });
    await expect(h.gateway.deactivate(alex, target)).rejects.toMatchObject({ code: 'NOT_ACTIVE' });

    const tenantWide = await h.gateway.listActivatedAssignments('directoryRole');
    expect(tenantWide.some((a) => a.principalId === T.alex && a.roleId === T.roles.globalReader)).toBe(false);
  });

  it('activates a role inherited through a group with the user’s own principal', async () => {
    const jordan = await h.user(T.jordan);
    const request = await h.gateway.activate(jordan, { ...dir(T.roles.helpdeskAdmin), duration: hours(1) });
    expect(request.status).toBe('Provisioned');
    const all = await h.gateway.listActivatedAssignments('directoryRole');
    expect(all).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ principalId: T.jordan, roleId: T.roles.helpdeskAdmin }),
      ]),
    );
  });

  it('translates every policy rule failure', async () => {
    const alex = await h.user(T.alex);
    const userAdmin = dir(T.roles.userAdmin);
    await expect(
      h.gateway.activate(alex, {
        ...userAdmin,
        duration: hours(3),
        justification: 'x',
        ticket: { number: 'INC-1' },
      }),
    ).rejects.toMatchObject({ code: 'DURATION_TOO_LONG', details: { rules: ['ExpirationRule'] } });
    await expect(
      h.gateway.activate(alex, { ...userAdmin, duration: hours(1), ticket: { number: 'INC-1' } }),
    ).rejects.toMatchObject({ code: 'JUSTIFICATION_REQUIRED' });
    await expect(
      h.gateway.activate(alex, { ...userAdmin, duration: hours(1), justification: 'x' }),
    ).rejects.toMatchObject({
      code: 'TICKET_REQUIRED',
    });
    await expect(
      h.gateway.activate(await h.user(T.priya), {
        ...dir(T.roles.userAdmin),
        duration: hours(1),
        justification: 'x',
      }),
    ).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
    await expect(
      h.gateway.activate(alex, { ...dir(T.roles.groupsAdmin), duration: hours(1) }),
    ).rejects.toMatchObject({
      code: 'MFA_REQUIRED',
    });
    const withMfa = await h.user(T.alex, { mfa: true });
    await expect(
      h.gateway.activate(withMfa, { ...dir(T.roles.groupsAdmin), duration: hours(1) }),
    ).resolves.toMatchObject({
      status: 'Provisioned',
    });
    const ok = await h.gateway.activate(alex, {
      ...userAdmin,
      duration: hours(2),
      justification: 'change CHG-7',
      ticket: { number: 'INC-1', system: 'ServiceNow' },
    });
    expect(ok.ticket).toEqual({ number: 'INC-1', system: 'ServiceNow' });
  });

  it('activates at the eligibility’s scope, not elsewhere', async () => {
    const alex = await h.user(T.alex);
    const error: unknown = await h.gateway
      .activate(alex, { ...dir(T.roles.authAdmin, '/'), duration: hours(1) })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isDomainError(error)).toBe(true);
    // The eligibility is at the administrative unit, so tenant-wide is not eligible.
    expect((error as { code: string }).code).toBe('NOT_ELIGIBLE');
    await expect(
      h.gateway.activate(alex, {
        ...dir(T.roles.authAdmin, `/administrativeUnits/${T.emeaAu}`),
        duration: hours(1),
      }),
    ).resolves.toMatchObject({ status: 'Provisioned', directoryScopeId: `/administrativeUnits/${T.emeaAu}` });
  });

  it('schedules a future activation (Granted), cancels it, and refuses to cancel a provisioned one', async () => {
    const priya = await h.user(T.priya);
    const scheduled = await h.gateway.activate(priya, {
      ...dir(T.roles.globalReader),
      duration: hours(1),
      startAt: h.sim.clock.now().plus({ hours: 3 }),
    });
    expect(scheduled.status).toBe('Granted');
    await h.gateway.cancel(priya, { kind: 'directoryRole', requestId: scheduled.id });
    await expect(
      h.gateway.getRequest({ kind: 'directoryRole', requestId: scheduled.id }, priya),
    ).resolves.toMatchObject({
      status: 'Canceled',
    });
    // app-only read of the same request (reconciler)
    await expect(
      h.gateway.getRequest({ kind: 'directoryRole', requestId: scheduled.id }),
    ).resolves.toMatchObject({
      status: 'Canceled',
    });
    const now = await h.gateway.activate(priya, { ...dir(T.roles.globalReader), duration: hours(1) });
    await expect(h.gateway.cancel(priya, { kind: 'directoryRole', requestId: now.id })).rejects.toMatchObject(
      {
        code: 'NOT_CANCELABLE',
      },
    );
    const mine = await h.gateway.listMyRequests(priya, 'directoryRole');
    expect(mine[0].id).toBe(now.id);
  });

  it('reports a pending request for the same role', async () => {
    const alex = await h.user(T.alex);
    const first = await h.gateway.activate(alex, { ...dir(T.roles.exchangeAdmin), duration: hours(1) });
    expect(first.status).toBe('PendingApproval');
    expect(first.approvalId).toBe(first.id);
    await expect(
      h.gateway.activate(alex, { ...dir(T.roles.exchangeAdmin), duration: hours(1) }),
    ).rejects.toMatchObject({
      code: 'PENDING_REQUEST_EXISTS',
    });
    await h.gateway.cancel(alex, { kind: 'directoryRole', requestId: first.id });
  });

  it('requests an eligibility extension (selfExtend)', async () => {
    const alex = await h.user(T.alex);
    const extension = await h.gateway.extend(alex, {
      ...dir(T.roles.authAdmin, `/administrativeUnits/${T.emeaAu}`),
      duration: Duration.fromObject({ days: 90 }),
      justification: 'still running the EMEA rollout',
    });
    expect(extension.action).toBe('selfExtend');
    expect(['PendingAdminDecision', 'PendingApproval', 'Granted', 'Provisioned']).toContain(extension.status);
  });

  it('activates and deactivates PIM for Groups membership', async () => {
    const alex = await h.user(T.alex);
    const target = { kind: 'groupMember' as const, roleId: T.dbOperators, directoryScopeId: '/' };
    const request = await h.gateway.activate(alex, {
      ...target,
      duration: hours(2),
      justification: 'db maintenance',
    });
    expect(request).toMatchObject({ kind: 'groupMember', roleId: T.dbOperators, status: 'Provisioned' });
    const active = await effective(alex, target, h.gateway);
    expect(active).toMatchObject({ kind: 'groupMember', roleName: 'Production Database Operators' });
    h.sim.clock.advance(Duration.fromObject({ minutes: 6 }));
    await expect(h.gateway.deactivate(alex, target)).resolves.toMatchObject({ status: 'Revoked' });
  });

  it('maps token problems: invalid token → SIGN_IN_REQUIRED, missing scope → PERMISSION_MISSING, app-only self action → refused', async () => {
    await expect(h.gateway.listActiveRoles(withToken(T.alex, 'not-a-token'))).rejects.toMatchObject({
      code: 'SIGN_IN_REQUIRED',
    });
    const narrow = await h.sim.identity.issueTokenForTests({ userId: T.alex, scopes: ['User.Read'] });
    h.secrets.push(narrow);
    const failure: unknown = await h.gateway
      .activate(withToken(T.alex, narrow), { ...dir(T.roles.globalReader), duration: hours(1) })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(['PERMISSION_MISSING', 'ACCESS_DENIED']).toContain((failure as { code: string }).code);
    const appOnly = await h.tokens.appOnlyToken();
    h.secrets.push(appOnly);
    const appFailure: unknown = await h.gateway
      .activate(withToken(T.alex, appOnly), { ...dir(T.roles.globalReader), duration: hours(1) })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(['PERMISSION_MISSING', 'ACCESS_DENIED']).toContain((appFailure as { code: string }).code);
  });
});

/** The assignment once PIM lists it (the app's one "wait until effective"), or undefined. */
async function effective(user: DelegatedUser, target: RoleTarget, pim: Harness['gateway']) {
  const result = await new WaitUntilEffective({ pim, clock: systemClock }).wait(user, target);
  return result.kind === 'effective' ? result.assignment : undefined;
}
