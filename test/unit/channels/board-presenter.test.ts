import { DateTime } from 'luxon';
import type { Board, BoardRow } from '../../../src/app/channels/who-holds-what.use-case';
import { CardActionSigner } from '../../../src/adapters/teams/card-actions/card-action-signer';
import { boardCard, MAX_BOARD_CARD_BYTES } from '../../../src/adapters/teams/presenters/board.presenter';

const now = DateTime.fromISO('2026-03-02T10:00:00Z', { zone: 'utc' });
const signer = new CardActionSigner('test-secret');

function row(i: number): BoardRow {
  return {
    kind: 'directoryRole',
    roleId: `role-${i % 7}`,
    roleName: `Role ${String.fromCharCode(65 + (i % 7))} Administrator`,
    directoryScopeId: '/',
    holderId: `user-${i}`,
    holderName: `Person Number ${i}`,
    state: i % 5 === 0 ? 'pending' : 'active',
    since: now.minus({ minutes: 30 }),
    until: i % 5 === 0 ? undefined : now.plus({ minutes: i }),
    ticket: `INC-${1000 + i}`,
    justification: 'x'.repeat(400),
  };
}

const text = (card: unknown) => JSON.stringify(card);

describe('the board card', () => {
  it.each([0, 1, 30, 300, 1000])(
    'stays under 28 KB per page with %i rows, and pages through all of them',
    (n) => {
      const board: Board = {
        takenAt: now,
        rows: Array.from({ length: n }, (_, i) => row(i)),
        truncated: false,
      };
      const first = boardCard(board, { zone: 'Europe/Berlin', page: 1, signer });
      expect(Buffer.byteLength(text(first))).toBeLessThanOrEqual(MAX_BOARD_CARD_BYTES);
      const pages = Number(/Page 1 of (\d+)/.exec(text(first))?.[1] ?? 1);
      let seen = 0;
      for (let page = 1; page <= pages; page += 1) {
        const card = boardCard(board, { zone: 'Europe/Berlin', page, signer });
        expect(Buffer.byteLength(text(card))).toBeLessThanOrEqual(MAX_BOARD_CARD_BYTES);
        seen += (text(card).match(/Person Number \d+/g) ?? []).length;
      }
      expect(seen).toBe(n);
    },
  );

  it('shows times in the reader’s zone and clamps a page beyond the last', () => {
    const board: Board = { takenAt: now, rows: [row(1)], truncated: false };
    const card = text(boardCard(board, { zone: 'Europe/Berlin', page: 9, signer }));
    expect(card).toContain('Until 11:01 today (GMT+1)');
    expect(card).not.toContain('Page ');
  });
});
