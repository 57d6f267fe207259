import type { CancelCommand } from '../command';
import { tokenise, joinTokens } from '../tokenise';

export const CANCEL_EXAMPLE = 'cancel Exchange Admin';

const REQUEST_ID = /^(?:request\s+)?#?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** `cancel`, `cancel <role>`, `cancel <request id>` (a GUID, optionally after "request"). */
export function parseCancel(args: string): CancelCommand {
  const text = joinTokens(tokenise(args, CANCEL_EXAMPLE));
  if (!text) return { kind: 'cancel' };
  const id = REQUEST_ID.exec(text);
  if (id) return { kind: 'cancel', target: { type: 'request', id: id[1].toLowerCase() } };
  return { kind: 'cancel', target: { type: 'role', name: text } };
}
