import type { DateTime } from 'luxon';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';
import { useExtendWorld } from './extend-activation-fixture';

/** ExtendActivationUseCase: what it checks and obtains before it deactivates anything. */
describe('ExtendActivationUseCase: before deactivating', () => {
  const w = useExtendWorld();

  it('does not deactivate a role whose policy needs approval (PIM takes no request while it is active)', async () => {
    w.rules.approvalRequired = true;
    const outcome = await w.extend(1);
    expect(outcome).toMatchObject({ kind: 'needsApproval', approvers: [{ displayName: 'Dana Schmidt' }] });
    expect(w.calls).toEqual([]);
  });

  it.each([
    ['an MFA', { mfaRequired: true }, 'mfa'],
    ['an authentication context', { authenticationContext: 'c1' }, 'acrs'],
  ])('obtains the step-up token for %s policy before deactivating', async (_name, rule, claim) => {
    Object.assign(w.rules, rule);
    w.strongToken = 'needs step-up';
    const asked = await w.extend(1);
    expect(asked).toMatchObject({ kind: 'stepUpRequired', claims: 'challenge' });
    expect(w.calls).toEqual([`token ${claim}`]);

    w.calls = [];
    w.strongToken = 'unknown';
    const unknown = await w.extend(1);
    expect(unknown).toMatchObject({ kind: 'stepUpRequired', claims: expect.stringContaining(claim) });
    expect(w.calls).toEqual([]);

    w.strongToken = 'ok';
    const extended = await w.extend(1);
    expect(extended.kind).toBe('extended');
    expect(w.calls).toEqual([`token ${claim}`, 'deactivate', 'activate PT1H10M']);
  });

  it('checks the request before deactivating: nothing changes when it could not be re-activated', async () => {
    await expect(w.extend(1, { ticketRequired: true })).rejects.toMatchObject({
      code: ErrorCodes.TicketRequired,
    });
    expect(w.calls).toEqual([]);
  });

  it('inside the 5-minute floor, says when Extend becomes possible and changes nothing', async () => {
    w.active = { ...w.active, startDateTime: w.clock.now().minus({ minutes: 2 }) };
    const outcome = await w.extend(1);
    expect(outcome.kind).toBe('tooSoon');
    expect(outcome.kind === 'tooSoon' && outcome.possibleAt.toISO()).toBe(
      (w.active.startDateTime as DateTime).plus({ minutes: 5 }).toISO(),
    );
    expect(w.calls).toEqual([]);
  });

  it('refuses a role that is no longer active with NOT_ACTIVE', async () => {
    await expect(w.extend(1, { roleId: 'other' })).rejects.toEqual(expect.any(DomainError));
  });
});
