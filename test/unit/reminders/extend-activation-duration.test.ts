import { ErrorCodes } from '../../../src/domain/errors';
import { useExtendWorld } from './extend-activation-fixture';

/** ExtendActivationUseCase: "extend by 1 h" moves the end 1 h later, up to PIM's maximum. */
describe('ExtendActivationUseCase: how long the new activation lasts', () => {
  const w = useExtendWorld();

  it('with 8 minutes left, "by 1 h" ends 1 h after the old end (not 52 minutes after it)', async () => {
    const oldEnd = w.clock.now().plus({ minutes: 8 });
    w.active = { ...w.active, endDateTime: oldEnd };
    const outcome = await w.extend(1);
    expect(w.calls).toEqual(['deactivate', 'activate PT1H8M']);
    expect(outcome.kind === 'extended' && outcome.outcome.until.toISO()).toBe(
      oldEnd.plus({ hours: 1 }).toISO(),
    );
    expect(outcome).not.toHaveProperty('cappedAt');
  });

  it('rounds the time left up to whole minutes, so the end never moves less than asked', async () => {
    w.active = { ...w.active, endDateTime: w.clock.now().plus({ minutes: 7, seconds: 20 }) };
    await w.extend(1);
    expect(w.calls).toEqual(['deactivate', 'activate PT1H8M']);
  });

  it('caps at the policy maximum and says so, rather than refusing', async () => {
    // 10 minutes left + 8 h asked > 8 h allowed: the role is activated for 8 h from now.
    const outcome = await w.extend(8);
    expect(w.calls).toEqual(['deactivate', 'activate PT8H']);
    expect(outcome).toMatchObject({ kind: 'extended' });
    expect(outcome.kind === 'extended' && outcome.cappedAt?.toISO()).toBe('PT8H');
  });

  it('changes nothing when the activation already ends as late as PIM allows', async () => {
    w.active = { ...w.active, endDateTime: w.clock.now().plus({ hours: 8 }) };
    await expect(w.extend(1)).rejects.toMatchObject({
      code: ErrorCodes.DurationTooLong,
      message: expect.stringContaining('already ends as late as PIM allows (at most 8 h from now)'),
    });
    expect(w.calls).toEqual([]);
  });
});
