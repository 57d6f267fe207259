import { cardText, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';

const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

/** Defect 6 of issue 11: a future start while today's activation runs is a different request. */
describe('asking for a later start while the role is active', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  }, 60_000);
  afterAll(() => h?.close());

  it('is sent to PIM, and its refusal is explained (not "already active, nothing to do")', async () => {
    const { alex } = h.users;
    await h.say(alex, 'activate Global Reader for 1h');
    const before = [...h.sim.state.requests.values()].length;
    const later = await h.say(alex, 'activate Global Reader for 1h tomorrow 9:00');
    const text = cardText(later.card);
    expect(text).not.toMatch(/already active/i);
    expect(text).toMatch(/PIM did not accept a later start for Global Reader/);
    expect(text).toMatch(/Nothing was scheduled/);
    // The running activation's end, written the one way Elevate writes times (issue 13, defect 9).
    expect(text).toMatch(/\(it ends at \d\d:\d\d (today|tomorrow) \([\w+-]+\)\)/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no ISO timestamps for people
    // It reached PIM (the simulator logged a selfActivate with a future start).
    const log = (await h.control('GET', '/_sim/requests')).body as
      | { method: string; path: string; body?: { scheduleInfo?: { startDateTime?: string } } }[]
      | { items: unknown[] };
    expect(JSON.stringify(log)).toMatch(/selfActivate/);
    expect([...h.sim.state.requests.values()].length).toBeGreaterThanOrEqual(before);
    // The running activation is untouched.
    const active = h.sim.state.schedules.filter(
      (s) =>
        s.principalId === alex.id &&
        s.kind === 'assignment' &&
        s.target.type === 'role' &&
        s.target.roleDefinitionId === GLOBAL_READER &&
        h.sim.state.isActive(s),
    );
    expect(active).toHaveLength(1);
  }, 60_000);
});
