import type { CardAction } from './conversation-stream';

/**
 * The playground's own HTTP API, for what its UI cannot do: its UI always acts as the configured
 * current user (Alex), so another member (an approver) presses a card button through the same
 * request the UI sends, with that member's id. The playground then replaces the card in that
 * message with the bot's answer, exactly as for a click.
 */
export async function pressCardButtonAs(
  playgroundUrl: string,
  input: { userId: string; conversationId: string; messageId: string; action: CardAction },
): Promise<unknown> {
  const response = await fetch(`${playgroundUrl}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'adaptiveCard/action',
      value: { action: input.action },
      from: { id: input.userId },
      conversation: { id: input.conversationId },
      replyToId: input.messageId,
    }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `The playground refused the ${input.action.verb} invoke: HTTP ${response.status} ${text}`,
    );
  }
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Moves the simulator tenant's clock (which Elevate follows in demo mode) forward, e.g. "PT50M". */
export async function advanceSimulatorClock(simulatorUrl: string, by: string): Promise<string> {
  const response = await fetch(`${simulatorUrl}/_sim/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ by }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`The simulator refused to advance its clock by ${by}: HTTP ${response.status} ${text}`);
  return text;
}
