import { randomUUID } from 'node:crypto';
import type { Where } from '../../fixtures/bot-harness';

/** Where the requester talks to Elevate: their personal chat, or a thread in a team channel. */
export interface Surface {
  key: 'personal' | 'channel';
  label: string;
  where: Where;
  /** A fresh conversation for one cell (each channel cell gets its own thread). */
  conversationId(personalChatId: string): string;
}

export const SURFACES: Surface[] = [
  {
    key: 'personal',
    label: 'personal chat',
    where: 'personal',
    conversationId: (personalChatId) => personalChatId,
  },
  {
    key: 'channel',
    label: 'channel thread',
    where: 'channel',
    conversationId: () => `19:matrix-${randomUUID()}@thread.tacv2`,
  },
];
