import type { DateTime } from 'luxon';
import type { AuditLog, AuditRecord } from '../../ports/audit-log';

/**
 * Entries read per store query while exporting. Larger pages were measured no faster and hold
 * more at once (bench/audit-export.ts).
 */
export const EXPORT_PAGE_SIZE = 250;

/**
 * The trail from `since` on, oldest first, one page at a time (keyset paging on time and id), so
 * an export of any length holds one page in memory. Entries appended while it runs are included.
 */
export async function* auditTrailSince(
  audit: Pick<AuditLog, 'list'>,
  since: DateTime,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<AuditRecord> {
  let after: { at: DateTime; id: number } | undefined;
  for (;;) {
    const page = await audit.list({ since, after, order: 'oldest', limit: pageSize });
    yield* page;
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    after = { at: last.at, id: last.id };
  }
}
