import { RemoteSimClock } from '../../../src/adapters/demo/remote-sim-clock';

describe('RemoteSimClock', () => {
  test('is real time plus the offset it was given, and follows a refreshed offset', async () => {
    let offset = 3_600_000;
    const clock = new RemoteSimClock(async () => offset, offset);
    expect(Math.abs(clock.now().toMillis() - (Date.now() + 3_600_000))).toBeLessThan(1_000);
    offset = -7_200_000;
    await clock.refresh();
    expect(Math.abs(clock.now().toMillis() - (Date.now() - 7_200_000))).toBeLessThan(1_000);
  });

  test('a failed refresh propagates to the caller and keeps the last offset', async () => {
    const clock = new RemoteSimClock(async () => {
      throw new Error('ECONNREFUSED');
    }, 60_000);
    await expect(clock.refresh()).rejects.toThrow('ECONNREFUSED');
    expect(Math.abs(clock.now().toMillis() - (Date.now() + 60_000))).toBeLessThan(1_000);
  });
});
