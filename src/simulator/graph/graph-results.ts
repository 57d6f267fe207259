import { contextUrl, type GraphContext, type GraphResult } from './graph-context';
import { applySelect, collectionPage, parseCollectionQuery } from './odata-collection';
import { matchesFilter, parseFilter } from './odata-filter';

type QueryContext = Pick<GraphContext, 'version' | 'query' | 'url'>;

/** 200 with one entity and its `@odata.context` (`fragment`, e.g. `groups/$entity`). */
export function entityResult(
  ctx: Pick<GraphContext, 'version'>,
  fragment: string,
  entity: Record<string, unknown>,
): GraphResult {
  return { status: 200, body: { '@odata.context': contextUrl(ctx, fragment), ...entity } };
}

/** 200 with one entity narrowed by the request's `$select`. */
export function selectedEntityResult(
  ctx: QueryContext,
  fragment: string,
  entity: Record<string, unknown>,
): GraphResult {
  return entityResult(ctx, fragment, applySelect(entity, parseCollectionQuery(ctx.query).select));
}

/** 200 with one page of `items` (`$top`, `$skiptoken`, `$select`) and its `@odata.context`. */
export function collectionResult(
  ctx: QueryContext,
  fragment: string,
  items: Record<string, unknown>[],
): GraphResult {
  return {
    status: 200,
    body: collectionPage(items, parseCollectionQuery(ctx.query), contextUrl(ctx, fragment), ctx.url),
  };
}

/** The items that match the request's `$filter`, which may only name `fields`. */
export function filteredByQuery<T extends Record<string, unknown>>(
  ctx: Pick<GraphContext, 'query'>,
  items: T[],
  fields: string[],
): T[] {
  const clauses = parseFilter(ctx.query.get('$filter') ?? undefined, fields);
  return items.filter((item) => matchesFilter(item, clauses));
}
