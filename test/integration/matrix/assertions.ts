import { cardActions, cardText, type ShownMessage } from '../../fixtures/bot-harness';
import type { Cell } from './cell-runner';

/**
 * What every cell checks: the PIM state in the simulator (what the requester holds, what is still
 * open) and the cards people see (nothing stale, one message per event).
 */

/** The requester's activations of the policy's role or group, active now in the simulator. */
export function activeAssignments(cell: Cell) {
  const { sim } = cell.h;
  const { target } = cell.policy;
  return sim.state.schedules.filter(
    (s) =>
      s.kind === 'assignment' &&
      s.principalId === cell.requester.id &&
      sim.state.isActive(s) &&
      (target.type === 'role'
        ? s.target.type === 'role' &&
          s.target.roleDefinitionId === target.roleDefinitionId &&
          s.target.directoryScopeId === target.directoryScopeId
        : s.target.type === 'group' &&
          s.target.groupId === target.groupId &&
          s.target.accessId === target.accessId),
  );
}

/** Minutes left on the requester's longest-running activation (0 when they hold nothing). */
export function minutesHeld(cell: Cell): number {
  const now = cell.h.sim.clock.now();
  const ends = activeAssignments(cell).map((s) => (s.end ? s.end.diff(now, 'minutes').minutes : Infinity));
  return ends.length ? Math.max(...ends) : 0;
}

/** The requester's self-activation requests for the target in these PIM statuses. */
export function requestsIn(cell: Cell, ...statuses: string[]) {
  const { target } = cell.policy;
  return [...cell.h.sim.state.requests.values()].filter(
    (r) =>
      r.principalId === cell.requester.id &&
      r.action.toLowerCase() === 'selfactivate' &&
      statuses.includes(r.status) &&
      (target.type === 'role'
        ? r.target.type === 'role' && r.target.roleDefinitionId === target.roleDefinitionId
        : r.target.type === 'group' && r.target.accessId === target.accessId),
  );
}

/** PIM holds `count` of the requester's requests in these statuses. */
export function expectRequests(cell: Cell, statuses: string[], count: number, what: string): void {
  const found = requestsIn(cell, ...statuses);
  if (found.length !== count) {
    const all = [...cell.h.sim.state.requests.values()]
      .filter((r) => r.principalId === cell.requester.id)
      .map((r) => `${r.action} ${r.status}`);
    throw new Error(
      `${what}: expected ${count} request(s) ${statuses.join('|')}, PIM has ${found.length} ` +
        `(all of the requester's: ${all.join(', ') || 'none'})\n${cell.transcript()}`,
    );
  }
}

export function expectHolds(cell: Cell, atLeastMinutes: number): void {
  const held = minutesHeld(cell);
  if (held < atLeastMinutes) {
    throw new Error(
      `${cell.requester.displayName} should hold ${cell.policy.display} for at least ${atLeastMinutes} min, ` +
        `holds it for ${Math.round(held)} min\n${cell.transcript()}`,
    );
  }
}

export function expectHoldsNothing(cell: Cell): void {
  const held = activeAssignments(cell);
  if (held.length)
    throw new Error(`${cell.requester.displayName} still holds ${cell.policy.display}\n${cell.transcript()}`);
}

/** A card that promises to change later ("This card updates when …"). */
const PROMISE = /updates (by itself )?when/i;

/**
 * Waits (briefly) for follow-ups to finish, then fails if any card shown in the cell still
 * promises an update that will never come.
 */
export async function expectNoStaleCards(cell: Cell, waitMs = 3_000): Promise<void> {
  const stale = () => cell.everything().filter((m) => m.card && PROMISE.test(cardText(m.card)));
  await cell.h.connector.waitFor(() => stale().length === 0, waitMs).catch(() => undefined);
  const left = stale();
  if (left.length) {
    throw new Error(
      `stale card(s) promise an update that never came:\n${left.map((m) => cardText(m.card)).join('\n---\n')}\n${cell.transcript()}`,
    );
  }
}

/**
 * One event, one message: between `since` and now, the requester got `expected` new messages
 * (posts, not in-place updates) across the cell's conversation and their personal chat.
 */
export function expectPostsToRequester(cell: Cell, since: number, expected: number, event: string): void {
  const posts = cell.postsSince(since, cell.requesterConversations());
  if (posts.length !== expected) {
    throw new Error(
      `${event}: expected ${expected} new message(s) for ${cell.requester.displayName}, got ${posts.length}:\n` +
        posts.map((m) => `- ${headline(m)}`).join('\n') +
        `\n${cell.transcript()}`,
    );
  }
}

/** The message's first line, for failure messages. */
export function headline(m: ShownMessage): string {
  return (m.card ? cardText(m.card) : (m.text ?? '')).split('\n')[0];
}

export function expectText(m: ShownMessage | undefined, pattern: RegExp, what: string, cell: Cell): void {
  const text = m ? (m.card ? cardText(m.card) : (m.text ?? '')) : '';
  if (!pattern.test(text))
    throw new Error(`${what}: expected ${String(pattern)} in:\n${text || '(nothing)'}\n${cell.transcript()}`);
}

/** A card that still offers a decision (Approve/Deny) or a Cancel for a closed request is stale. */
export function expectNoOpenButtons(m: ShownMessage, verbs: string[], what: string, cell: Cell): void {
  const open = cardActions(m.card).filter(
    (a) => a.verb && verbs.includes(a.verb) && a.type === 'Action.Execute',
  );
  if (open.length)
    throw new Error(
      `${what} still offers ${open.map((a) => a.title).join(', ')}:\n${cardText(m.card)}\n${cell.transcript()}`,
    );
}
