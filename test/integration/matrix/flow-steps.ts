import { DateTime } from 'luxon';
import { cardActions, findAction, type ShownMessage, type TurnResult } from '../../fixtures/bot-harness';
import { viewFor } from '../../fixtures/user-specific-views';
import { expectHolds, expectNoStaleCards, expectText, requestsIn } from './assertions';
import { textOf, type Cell } from './cell-runner';
import { activatedPattern, displayPattern } from './policies';

/** Steps several flows share: getting a role active, scheduling one, clicking a card's button. */

export const SCHEDULED = 'tomorrow 9:00 for 1h';

/** The requester holds the role for 30 minutes from now: activated (and approved, and verified) through Elevate. */
export async function becomeActive(cell: Cell): Promise<ShownMessage> {
  const answer = await cell.activate('for 30m');
  if (cell.policy.approver) {
    expectText(answer, /Waiting for approval/, 'the answer to activate', cell);
    await cell.decide('approve', 'ok');
    await waitUntil(
      cell,
      () => requestsIn(cell, 'Provisioned').length > 0,
      'the approved request is provisioned',
    );
  } else {
    expectText(answer, activatedPattern(cell), 'the answer to activate', cell);
  }
  expectHolds(cell, 29);
  await expectNoStaleCards(cell);
  return answer;
}

/** Asks for tomorrow 9:00 (the requester's time zone) and returns the answer and PIM's request. */
export async function scheduleTomorrow(cell: Cell) {
  const answer = await cell.activate(SCHEDULED);
  const expected = cell.policy.approver
    ? /Waiting for approval/
    : new RegExp(`${displayPattern(cell.policy)} is scheduled`);
  expectText(answer, expected, 'the answer to a scheduled activate', cell);
  const [request] = requestsIn(cell, 'Granted', 'PendingApproval');
  if (!request?.scheduleInfo?.startDateTime)
    throw new Error(`PIM holds no scheduled request\n${cell.transcript()}`);
  const start = request.scheduleInfo.startDateTime;
  if (start <= cell.h.sim.clock.now()) throw new Error(`the request starts at once (${start.toISO()})`);
  return { answer, request, start };
}

/** Moves the simulator clock (the bot's clock) to `at`. */
export async function setClock(cell: Cell, at: DateTime): Promise<void> {
  const result = await cell.h.control('POST', '/_sim/clock/set', { to: at.toUTC().toISO() });
  if (result.status !== 200) throw new Error(`clock set failed: ${JSON.stringify(result.body)}`);
}

/**
 * Clicks `verb` on `message` as `user`, in the conversation where the message is. On a channel's
 * shared card the button is on the user's own view, fetched as their Teams client does.
 */
export async function clickOn(
  cell: Cell,
  message: ShownMessage,
  verb: string,
  extra: Record<string, unknown> = {},
  user = cell.requester,
): Promise<TurnResult> {
  const data = findAction(await viewFor(cell.h, user, message), verb).data;
  return cell.click(user, verb, { ...data, ...extra }, message.conversationId, message.activityId);
}

/** The card now shown for a message the user clicked: the invoke answer replaces it in Teams. */
export function shownAfterClick(message: ShownMessage, clicked: TurnResult): ShownMessage {
  const updated = clicked.messages.find((m) => m.activityId === message.activityId);
  if (updated) return updated;
  return Object.keys(clicked.card).length ? { ...message, card: clicked.card } : message;
}

/** When the answer to a click is a Verify card, completes it over HTTP and returns the outcome posted after it. */
export async function verifyIfAsked(cell: Cell, shown: ShownMessage): Promise<ShownMessage> {
  const asks = cardActions(shown.card).some((a) => a.type === 'Action.OpenUrl' && a.title === 'Verify');
  return asks ? cell.verify(shown) : shown;
}

export async function waitUntil(cell: Cell, condition: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error(`timed out waiting until ${what}\n${cell.transcript()}`);
}

/** The newest message in `conversationId` whose text matches. */
export function latest(cell: Cell, conversationId: string, match: RegExp): ShownMessage | undefined {
  return cell
    .messagesIn(conversationId)
    .filter((m) => match.test(textOf(m)))
    .at(-1);
}
