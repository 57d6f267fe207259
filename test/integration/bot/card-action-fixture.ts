import { cardActions, cardText, type BotHarness, type Card } from '../../fixtures/bot-harness';

/* Shared by the card-action tests: the seed roles they press buttons for and how they read a form. */

export const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
export const EXCHANGE = '29232cdf-9323-42fd-ade2-1d097af3e4de';
export const APP_ADMIN = '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3';

/** The user's active assignments of a directory role in the simulator. */
export const activationsOf = (bot: BotHarness, userId: string, roleId: string) =>
  bot.sim.state.schedules.filter(
    (s) =>
      s.kind === 'assignment' &&
      s.principalId === userId &&
      s.target.type === 'role' &&
      s.target.roleDefinitionId === roleId,
  );

/** An input of a card by id (searching containers and columns). */
export function inputById(card: unknown, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const element = node as Record<string, unknown>;
    if (element.id === id && String(element.type).startsWith('Input.')) found = element;
    else Object.values(element).forEach(visit);
  };
  visit(card);
  return found;
}

/** The attention message right under input `id` (or under the column set holding it), if any. */
export function messageUnder(card: unknown, id: string): string | undefined {
  let message: string | undefined;
  const holds = (node: unknown): boolean => inputById({ body: [node] }, id) !== undefined;
  const visit = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    items.forEach((item, index) => {
      const element = item as Record<string, unknown>;
      const next = items[index + 1] as Record<string, unknown> | undefined;
      if (holds(element) && !Array.isArray(element.items) && !Array.isArray(element.columns)) {
        if (next?.type === 'TextBlock' && next.color === 'Attention') message = String(next.text);
      } else if (holds(element) && Array.isArray(element.columns)) {
        if (next?.type === 'TextBlock' && next.color === 'Attention') message = String(next.text);
      } else if (holds(element)) visit(element.items);
    });
  };
  visit((card as { body?: unknown }).body);
  return message;
}

export function activateButton(card: Card, roleId: string) {
  const button = cardActions(card).find(
    (a) => a.type === 'Action.Execute' && a.verb === 'activate' && a.data.roleId === roleId,
  );
  if (!button) throw new Error(`no Activate button for ${roleId}:\n${cardText(card)}`);
  return button;
}
