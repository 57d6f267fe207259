import { cardActions, cardText, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';

/**
 * One card answers an `activate` that names several roles (issue 14, defect 3). A role on it that
 * waits for approval must still be updated in place when it is decided, in a personal chat and in
 * a channel thread, keeping the other roles' parts (the card is one message, several requests).
 */
describe('several roles in one card: a later decision updates its own part in place', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(() => h.close());

  async function approve(reason: string): Promise<void> {
    const { dana } = h.users;
    const asked = new RegExp(`Alex Morgan requests User Administrator[\\s\\S]*${reason}`);
    const card = await h.waitForCard(h.conversationId(dana), asked);
    const approve = cardActions(card.card).find((a) => a.verb === 'approve')!;
    await h.execute(dana, 'approve', { ...approve.data, reason: 'Checked' }, { replyToId: card.activityId });
  }

  it.each(['personal', 'channel'] as const)(
    'in a %s conversation the pending part turns approved, the active part stays',
    async (where) => {
      const { alex, dana } = h.users;
      await h.say(dana, 'help');
      const turn = await h.say(
        alex,
        `activate Global Reader, User Administrator for 1h because onboarding batch ${where} ticket INC-9`,
        { where },
      );
      const conversation = h.conversationId(alex, where);
      const cards = h.shown(conversation).filter((m) => m.card && /Global Reader/.test(cardText(m.card)));
      expect(cards).toHaveLength(1);
      const activityId = turn.messages.find((m) => m.card)!.activityId;
      const first = cardText(h.shown(conversation).find((m) => m.activityId === activityId)!.card);
      expect(first).toMatch(/Global Reader/);
      expect(first).toMatch(/User Administrator[\s\S]*(approval|Waiting)/);

      await approve(`onboarding batch ${where}`);
      const updated = await h.waitForUpdate(
        activityId,
        /User Administrator[\s\S]*(Approved|active|Active until)/,
      );
      const text = cardText(updated.card);
      expect(text).toMatch(/Global Reader/);
      expect(text).not.toMatch(/Waiting for a decision|needs approval/);
      // The request's Cancel button is gone with the pending state; Global Reader's Deactivate stays.
      expect(cardActions(updated.card).some((a) => a.verb === 'cancel')).toBe(false);
      if (where === 'personal') {
        expect(cardActions(updated.card).some((a) => a.verb === 'deactivate')).toBe(true);
      } else {
        // The thread tells the channel who holds what; its buttons are not for everyone.
        await h.waitForUpdate(
          activityId,
          /Alex Morgan · Global Reader[\s\S]*Active until[\s\S]*Alex Morgan · User Administrator[\s\S]*Active until/,
        );
      }
      // Still one card for the request in that conversation.
      expect(
        h.shown(conversation).filter((m) => m.card && /User Administrator/.test(cardText(m.card))),
      ).toHaveLength(1);
      // PIM refuses a deactivation in the first five minutes: let the next case start clean.
      await h.advance('PT6M');
      const ended = await h.say(alex, 'deactivate Global Reader, User Administrator');
      expect(cardText(ended.card)).not.toMatch(/could not|refused/i);
    },
  );
});
