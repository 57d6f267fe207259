import { Duration, type DateTime } from 'luxon';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import { CardVerbs } from '../cards/card-verbs';
import type { Board, BoardRow } from '../../../app/channels/who-holds-what.use-case';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import type { CardData } from '../cards/card-data.schemas';
import { renderCard } from '../cards/card-renderer';
import { scopeLabel } from '../reminders/role-labels';
import { formatInstant, zoneName } from './time-format';

/** Teams' message limit is about 100 KB; a board card stays well under it. */
export const MAX_BOARD_CARD_BYTES = 28 * 1024;
/** What the board's buttons are signed for. */
export const BOARD_SUBJECT = 'board';
/** Rows per page before the size check shrinks it. */
const ROWS_PER_PAGE = 25;

type Group = CardData<'who-holds-what'>['groups'][number];

function groupsOf(rows: BoardRow[], zone: string, now: DateTime): Group[] {
  const groups: Group[] = [];
  for (const row of rows) {
    let group = groups[groups.length - 1];
    if (!group || group.roleName !== row.roleName) {
      group = { roleName: row.roleName, rows: [] };
      groups.push(group);
    }
    group.rows.push({
      holderName: row.holderName,
      scopeName: scopeLabel(row.directoryScopeId),
      state: row.state,
      since: row.since ? formatInstant(row.since, zone, now) : '',
      until: row.until ? formatInstant(row.until, zone, now) : row.state === 'active' ? 'no end date' : '',
      ticket: row.ticket ?? '',
      justification: row.justification ?? '',
    });
  }
  return groups;
}

/**
 * The board as one card: grouped by role, every time in one zone (said on the card), paged so that a card stays
 * under MAX_BOARD_CARD_BYTES (`page` is clamped to the pages there are).
 */
export function boardCard(
  board: Board,
  context: { zone: string; page: number; signer: CardActionSigner },
): AdaptiveCardJson {
  // Anyone in the conversation may page and refresh (the board is the same for everyone).
  const token = context.signer.sign({
    verbs: [CardVerbs.showBoard],
    subject: BOARD_SUBJECT,
    now: board.takenAt,
    ttl: Duration.fromObject({ days: 1 }),
  });
  const now = board.takenAt;
  const render = (rows: BoardRow[], page: number, pages: number) => {
    const active = board.rows.filter((r) => r.state === 'active').length;
    const pending = board.rows.length - active;
    return renderCard('who-holds-what', {
      title: board.role ? `Who holds ${board.role}` : 'Who holds what',
      summary:
        `${active} active${pending ? `, ${pending} pending approval` : ''}` +
        (board.truncated ? ' (the first 1,000 shown)' : ''),
      updatedAt: formatInstant(now, context.zone, now),
      zoneText: `All times in ${zoneName(context.zone, now)}`,
      emptyText: board.role
        ? `Nobody holds ${board.role} right now.`
        : 'Nobody holds a privileged role right now.',
      groups: groupsOf(rows, context.zone, now),
      pageText: pages > 1 ? `Page ${page} of ${pages}` : '',
      page,
      role: board.role ?? '',
      hasPrevious: page > 1,
      hasNext: page < pages,
      token,
    });
  };
  // Rows per page from the largest row (drawn under its own role heading, the worst case), so
  // every page fits and the pages are the same for every reader.
  const size = (card: AdaptiveCardJson) => Buffer.byteLength(JSON.stringify(card));
  const largest = [...board.rows].sort((a, b) => rowWeight(b) - rowWeight(a))[0];
  const base = size(render([], 99, 99));
  // Rows differ a little (state, times, zone names): leave a fifth of headroom.
  const perRow = largest ? Math.max(1, (size(render([largest], 99, 99)) - base) * 1.2) : 1;
  const perPage = Math.max(1, Math.min(ROWS_PER_PAGE, Math.floor((MAX_BOARD_CARD_BYTES - base) / perRow)));
  const pages = Math.max(1, Math.ceil(board.rows.length / perPage));
  const page = Math.min(Math.max(1, Math.floor(context.page) || 1), pages);
  return render(board.rows.slice((page - 1) * perPage, page * perPage), page, pages);
}

function rowWeight(row: BoardRow): number {
  return (
    row.roleName.length + row.holderName.length + (row.ticket?.length ?? 0) + (row.justification?.length ?? 0)
  );
}
