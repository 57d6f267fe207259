import { badRequest } from './graph-error';

/** Query options common to every collection: `$top`, `$skiptoken` (our paging cursor) and `$select`. */
export interface CollectionQuery {
  top?: number;
  skip: number;
  select?: string[];
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_TOP = 999;

export function parseCollectionQuery(query: URLSearchParams): CollectionQuery {
  const rawTop = query.get('$top');
  let top: number | undefined;
  if (rawTop !== null) {
    if (!/^\d+$/.test(rawTop) || Number(rawTop) < 1 || Number(rawTop) > MAX_TOP)
      throw badRequest(
        'BadRequest',
        `Invalid value '${rawTop}' for query option $top: expected a whole number from 1 to ${MAX_TOP}.`,
      );
    top = Number(rawTop);
  }
  const rawSkip = query.get('$skiptoken');
  let skip = 0;
  if (rawSkip !== null) {
    const decoded = Buffer.from(rawSkip, 'base64url').toString('utf8');
    if (!/^skip:\d+$/.test(decoded))
      throw badRequest(
        'BadRequest',
        `Invalid $skiptoken '${rawSkip}': use the @odata.nextLink returned by the previous page unchanged.`,
      );
    skip = Number(decoded.slice(5));
  }
  const rawSelect = query.get('$select');
  const select = rawSelect
    ? rawSelect
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  return { top, skip, select };
}

export function applySelect(
  item: Record<string, unknown>,
  select: string[] | undefined,
  keep: string[] = [],
): Record<string, unknown> {
  if (!select) return item;
  const unknown = select.filter((s) => !Object.keys(item).some((k) => k.toLowerCase() === s.toLowerCase()));
  if (unknown.length > 0) {
    const allowed = Object.keys(item).filter((k) => !k.startsWith('@odata'));
    throw badRequest(
      'BadRequest',
      `Could not find a property named '${unknown[0]}' to $select. Properties: ${allowed.join(', ')}.`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (
      key === 'id' ||
      key.startsWith('@odata') ||
      keep.includes(key) ||
      select.some((s) => s.toLowerCase() === key.toLowerCase())
    )
      out[key] = value;
  }
  return out;
}

/**
 * A Graph collection page: `{ @odata.context, value, @odata.nextLink? }`. The page size is `$top`
 * when given, else DEFAULT_PAGE_SIZE; the next link repeats the query with a `$skiptoken`.
 */
export function collectionPage(
  items: Record<string, unknown>[],
  query: CollectionQuery,
  context: string,
  requestUrl: URL,
): Record<string, unknown> {
  const size = query.top ?? DEFAULT_PAGE_SIZE;
  const page = items.slice(query.skip, query.skip + size).map((item) => applySelect(item, query.select));
  const body: Record<string, unknown> = { '@odata.context': context, value: page };
  if (query.skip + size < items.length) {
    const next = new URL(requestUrl.toString());
    next.searchParams.set('$skiptoken', Buffer.from(`skip:${query.skip + size}`).toString('base64url'));
    body['@odata.nextLink'] = next.toString();
  }
  return body;
}
