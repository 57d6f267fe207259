import type { CardActionCheck } from '../card-actions/card-action-signer';

/** Why a signed approval button was not accepted, in words a person reads. */
export const TOKEN_PROBLEMS: Record<Exclude<CardActionCheck, { ok: true }>['reason'], string> = {
  missing: 'it carries no signature',
  malformed: 'its signature is malformed',
  tampered: 'its data was changed after Elevate sent it',
  expired: 'it is more than a day old',
  wrongVerb: 'its signature is for a different button',
  wrongSubject: 'its signature is for a different request',
  wrongActor: 'it was sent to someone else',
};

/** The reason typed on the card: `reason` (approval card) or the per-item input of the list card. */
export function reasonFrom(data: Record<string, unknown>): string | undefined {
  const inputId =
    typeof data.reasonInputId === 'string' && /^reason-[\w-]+$/.test(data.reasonInputId)
      ? data.reasonInputId
      : 'reason';
  const value = data[inputId];
  return typeof value === 'string' ? value : undefined;
}
