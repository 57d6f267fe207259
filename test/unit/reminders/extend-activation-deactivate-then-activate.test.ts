import { useExtendWorld } from './extend-activation-fixture';

/** ExtendActivationUseCase: the deactivation, the re-activation, its retries and its restore. */
describe('ExtendActivationUseCase: deactivate, then activate again', () => {
  const w = useExtendWorld();

  it('deactivates, then activates again for the time left plus the extension', async () => {
    // 10 minutes left, "by 2 h": the end moves 2 h later, so the new activation lasts 2 h 10 min.
    const outcome = await w.extend(2);
    expect(w.calls).toEqual(['deactivate', 'activate PT2H10M']);
    expect(outcome).toMatchObject({
      kind: 'extended',
      outcome: { kind: 'activated' },
      justification: 'incident 42',
      ticket: 'INC-1',
    });
    // Elevate's own deactivation is on record, so the reconciler never calls it "outside Elevate".
    expect(w.audit.map((a) => `${a.action} ${a.outcome}`)).toEqual([
      'activation.deactivated succeeded',
      'activation.extended succeeded',
    ]);
    expect(w.audit[0]).toMatchObject({ reason: 'extend', details: { instanceId: 'inst-1' } });
  });

  it('says in PIM why, when the activation was made outside Elevate (no justification to carry over)', async () => {
    w.madeInElevate = false;
    const outcome = await w.extend(1);
    // Whether from a reminder or a typed `extend`: the words name Elevate, not one of its buttons.
    expect(outcome).toMatchObject({
      kind: 'extended',
      justification: 'Extension of the activation (asked in Elevate)',
    });
  });

  it('retries RoleAssignmentExists while PIM catches up, for up to two minutes', async () => {
    w.alreadyActiveAnswers = 2;
    const outcome = await w.extend(1);
    expect(w.calls).toEqual([
      'deactivate',
      'activate PT1H10M',
      'wait 30000',
      'activate PT1H10M',
      'wait 30000',
      'activate PT1H10M',
    ]);
    expect(outcome).toMatchObject({ kind: 'extended', outcome: { kind: 'activated' } });

    w.calls = [];
    w.alreadyActiveAnswers = 100;
    const gaveUp = await w.extend(1);
    // now, +30 s, +60 s, +90 s and +120 s (the limit); then the same for the restore
    expect(w.calls.filter((c) => c.startsWith('activate PT1H'))).toHaveLength(5);
    expect(w.calls.filter((c) => c.startsWith('activate'))).toHaveLength(10);
    expect(gaveUp).toMatchObject({ kind: 'lost' });
    if (gaveUp.kind === 'lost') {
      expect(gaveUp.failure.message).toMatch(/still reported Global Reader as active 2 min after/);
    }
  });

  it('re-activates at once with the remaining time when the re-activation fails after the deactivation', async () => {
    w.failures = ['failed'];
    const outcome = await w.extend(1);
    expect(w.calls).toEqual(['deactivate', 'activate PT1H10M', 'activate PT10M']);
    expect(outcome).toMatchObject({ kind: 'restored', failure: { message: 'PIM answered failed' } });
    expect(outcome.kind === 'restored' && outcome.until.toISO()).toBe(w.active.endDateTime!.toISO());
    expect(w.audit.map((a) => `${a.action} ${a.outcome}`)).toEqual([
      'activation.deactivated succeeded',
      'activation.extended failed',
    ]);

    w.calls = [];
    w.failures = ['failed', 'failed'];
    const lost = await w.extend(1);
    expect(lost).toMatchObject({ kind: 'lost' });
  });
});
