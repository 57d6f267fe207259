import {
  cardActions,
  cardText,
  findAction,
  startBotHarness,
  type BotHarness,
  type SeedUser,
} from '../../fixtures/bot-harness';
import { completeStepUpOverHttp } from '../../fixtures/step-up-over-http';

const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

/**
 * Extend on a role whose policy needs MFA (defect 1 of issue 11): Elevate obtains the step-up
 * token before it deactivates anything, carries the justification over, and never reports its own
 * deactivation as "outside Elevate".
 */
describe('Extend on an MFA role', () => {
  let h: BotHarness;
  let taylor: SeedUser;

  beforeEach(async () => {
    h = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '60' } });
    ({ taylor } = h.users);
    await h.say(taylor, 'help');
  });
  afterEach(() => h.close());

  const pass = () => h.elevate.scheduler.runOnce();
  const chat = () => h.conversationId(taylor);
  const globalAdmin = () =>
    h.sim.state.schedules.filter(
      (s) =>
        s.principalId === taylor.id &&
        s.kind === 'assignment' &&
        s.target.type === 'role' &&
        s.target.roleDefinitionId === GLOBAL_ADMIN &&
        h.sim.state.isActive(s),
    );
  const verifyLink = (card: unknown) => {
    const url = cardActions(card).find((a) => a.type === 'Action.OpenUrl')?.url;
    if (!url) throw new Error(`no Verify link on:\n${cardText(card)}`);
    return url;
  };

  it('asks for verification before deactivating, then extends with the same justification', async () => {
    const asked = await h.say(taylor, 'activate global admin for 30m because incident 42');
    const first = await completeStepUpOverHttp(verifyLink(asked.card), taylor);
    expect(first.title).toBe('Verified');
    await h.waitForCard(chat(), '✓ Global Administrator is active');
    expect(globalAdmin()).toHaveLength(1);
    const firstEnd = globalAdmin()[0].end!;

    await pass();
    await h.advance('PT20M');
    await pass();
    const reminder = h
      .shown(chat())
      .find((m) => m.card && /Global Administrator ends in/.test(cardText(m.card)));
    if (!reminder) throw new Error('no reminder');
    // The reminder promises what happens: verification first, nothing taken away meanwhile.
    expect(cardText(reminder.card)).toContain(
      'Extend asks you to verify it’s you first (multi-factor authentication',
    );
    const extend = findAction(reminder.card, 'extend');
    const clicked = await h.execute(
      taylor,
      'extend',
      { ...extend.data, extendBy: 'PT1H' },
      {
        replyToId: reminder.activityId,
      },
    );

    // The Verify card comes first, and the role is still active while the user verifies.
    expect(cardText(clicked.card)).toContain("Verify it's you to extend Global Administrator");
    expect(globalAdmin()).toHaveLength(1);
    expect(globalAdmin()[0].end!.toMillis()).toBe(firstEnd.toMillis());

    const verified = await completeStepUpOverHttp(verifyLink(clicked.card), taylor);
    expect(verified.title).toBe('Verified');
    expect(verified.message).toMatch(/extend/i);
    // The outcome replaces the pressed reminder (which showed Verify), then says when it is effective.
    const shown = await h.waitForUpdate(reminder.activityId, 'Effective now');
    expect(cardText(shown.card)).toMatch(/Global Administrator is active/);
    expect(cardText(shown.card)).toMatch(/incident 42/);
    await h.connector.waitFor(() => globalAdmin().length === 1 && globalAdmin()[0].end! > firstEnd, 10_000);
    // "Extend by 1 h" moved the end 1 h later (time left + 1 h), not to now + 1 h.
    const [extended] = globalAdmin();
    expect(Math.round(extended.end!.diff(firstEnd, 'minutes').minutes)).toBe(60);
    // The justification and ticket of the original request were carried over.
    const requests = [...h.sim.state.requests.values()].filter(
      (r) => r.principalId === taylor.id && r.action === 'selfActivate' && r.status === 'Provisioned',
    );
    expect(requests.map((r) => r.justification)).toEqual(['incident 42', 'incident 42']);

    // The old instance ended because of the extension: no "ended" note, certainly not "outside Elevate".
    await pass();
    await h.advance('PT1M');
    await pass();
    const texts = h.shown(chat()).map((m) => cardText(m.card) + (m.text ?? ''));
    expect(texts.filter((t) => /has ended|outside Elevate/i.test(t))).toEqual([]);
  }, 60_000);
});
