import { cardText, useBotHarness } from '../../fixtures/bot-harness';

const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

/**
 * "extend <role> by 1h" moves the end 1 h later (issue 13): PIM cannot lengthen, so the new
 * activation lasts the time left plus the extension, up to the policy maximum, and a capped
 * extension says so in plain words.
 */
const h = useBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '3600' } });

test('typed extend by 1 h with 8 minutes left ends 1 h after the old end; beyond the maximum, says the cap', async () => {
  const { avery } = h.users;
  await h.say(avery, 'help');
  await h.say(avery, 'activate global reader for 30m because quarterly access review');
  const active = () =>
    h.sim.state.schedules.filter(
      (s) =>
        s.principalId === avery.id &&
        s.kind === 'assignment' &&
        s.target.type === 'role' &&
        s.target.roleDefinitionId === GLOBAL_READER &&
        h.sim.state.isActive(s),
    );
  const oldEnd = active()[0].end!;
  await h.advance('PT22M');

  const extended = await h.say(avery, 'extend global reader by 1h');
  expect(cardText(extended.card)).toContain('Global Reader');
  expect(active()).toHaveLength(1);
  const newEnd = active()[0].end!;
  // The end moved 1 h later (not "now + 1 h", which is 52 minutes after the old end).
  // (The bot's clock runs on between the two readings: the time left is rounded up to a minute.)
  expect(newEnd.diff(oldEnd).as('minutes')).toBeGreaterThanOrEqual(60);
  expect(newEnd.diff(oldEnd).as('minutes')).toBeLessThan(61);
  expect(extended.messages.some((m) => !m.card && m.text)).toBe(false);

  // 8 h more would exceed PIM's 8 h maximum: activated for 8 h from now, and the answer says why.
  await h.advance('PT6M');
  const capped = await h.say(avery, 'extend global reader by 8h');
  const note = capped.messages.find((m) => !m.card && m.text)?.text ?? '(no note)';
  expect(note).toMatch(/^PIM allows at most 8 h for Global Reader, so it now ends at .+\.$/);
  expect(active()[0].end!.diff(active()[0].start!).as('hours')).toBeCloseTo(8, 1);
}, 60_000);

test('a bare extend suggests a role the person holds, not the catalogue example', async () => {
  const { avery, taylor } = h.users;
  // Avery holds Global Reader (activated above), nothing else.
  const bare = await h.say(avery, 'extend');
  // (The extended activation's card may be updated during the turn: the answer is the posted one.)
  const text = bare.cards.map((c) => cardText(c)).join('\n---\n');
  expect(text).toContain('"extend Global Reader by 1h"');
  expect(text).toContain('Active now: Global Reader.');
  expect(text).not.toContain('Exchange');

  await h.say(taylor, 'help');
  const nothing = cardText((await h.say(taylor, 'extend')).card);
  expect(nothing).toContain('None of your roles is active, so there is nothing to extend.');
  expect(nothing).not.toContain('Exchange');
}, 60_000);
