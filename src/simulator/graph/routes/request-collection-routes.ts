import { submitScheduleRequest } from '../../pim/schedule-request-engine';
import { cancelRequest } from '../../pim/approval-decisions';
import { requestJson, roleDefinitionJson, scheduleJson } from '../../pim/graph-serializers';
import type { RequestCollection, ScheduleRequest } from '../../pim/pim-types';
import type { TenantState } from '../../pim/tenant-state';
import { directoryObjectJson, groupJson } from '../directory-objects';
import { badRequest, notFound } from '../graph-error';
import { applySelect, collectionPage, parseCollectionQuery } from '../odata-collection';
import { matchesFilter, parseFilter } from '../odata-filter';
import { entityResult } from '../graph-results';
import type { PermissionSpec } from '../permissions';
import {
  contextUrl,
  escapeRegex,
  FILTER_BY_CURRENT_USER,
  ID,
  type GraphContext,
  type GraphRoute,
} from '../graph-context';

export interface RequestCollectionSpec {
  /** Path after the version, e.g. `/roleManagement/directory/roleAssignmentScheduleRequests`. */
  path: string;
  collection: RequestCollection;
  read: PermissionSpec;
  write: PermissionSpec;
  currentUser: PermissionSpec;
  bodySchema: string;
  filterFields: string[];
  /** `on` values of filterByCurrentUser the service supports for this collection. */
  supportedOn: string[];
  /** Graph refuses `status` filters on the plain Entra-role list ([O], REFERENCE §1.1). */
  refuseStatusFilterOnList: boolean;
}

function expand(
  state: TenantState,
  r: ScheduleRequest,
  body: Record<string, unknown>,
  expandParam: string | null,
): Record<string, unknown> {
  if (!expandParam) return body;
  const out = { ...body };
  for (const nav of expandParam.split(',').map((s) => s.trim().toLowerCase())) {
    if (nav === 'roledefinition' && r.target.type === 'role') {
      const target = r.target;
      const role = state.roleDefinitions.find((d) => d.id === target.roleDefinitionId);
      out.roleDefinition = role ? roleDefinitionJson(role) : null;
    } else if (nav === 'principal') out.principal = directoryObjectJson(state, r.principalId);
    else if (nav === 'group' && r.target.type === 'group') {
      const g = state.group(r.target.groupId);
      out.group = g ? groupJson(g) : null;
    } else if (nav === 'targetschedule') {
      const s = state.schedules.find((x) => x.id === r.targetScheduleId);
      out.targetSchedule = s ? scheduleJson(s) : null;
    } else if (nav === 'activatedusing') {
      const s = state.schedules.find((x) => x.id === r.activatedUsing);
      out.activatedUsing = s ? scheduleJson(s) : null;
    } else if (nav === 'directoryscope' || nav === 'appscope') {
      out[nav === 'directoryscope' ? 'directoryScope' : 'appScope'] = null;
    } else {
      throw badRequest(
        'BadRequest',
        `Could not find a property named '${nav}' to expand. Expandable: roleDefinition, principal, targetSchedule, activatedUsing${r.target.type === 'group' ? ', group' : ''}.`,
      );
    }
  }
  return out;
}

function list(ctx: GraphContext, spec: RequestCollectionSpec, requests: ScheduleRequest[]) {
  const clauses = parseFilter(ctx.query.get('$filter') ?? undefined, spec.filterFields);
  const q = parseCollectionQuery(ctx.query);
  const items = requests
    .filter((r) => r.collection === spec.collection)
    .sort((a, b) => b.createdDateTime.toMillis() - a.createdDateTime.toMillis())
    .map((r) => ({ r, json: requestJson(r) }))
    .filter(({ json }) => matchesFilter(json, clauses))
    .map(({ r, json }) => expand(ctx.state, r, json, ctx.query.get('$expand')));
  const name = spec.path.replace(/^\//, '');
  return { status: 200, body: collectionPage(items, q, contextUrl(ctx, name), ctx.url) };
}

function findRequest(ctx: GraphContext, spec: RequestCollectionSpec, id: string): ScheduleRequest {
  ctx.state.tick();
  const r = ctx.state.requests.get(id);
  if (!r || r.collection !== spec.collection) throw notFound(spec.path.split('/').pop() ?? 'request', id);
  return r;
}

/** POST, list, get, cancel and filterByCurrentUser for one schedule-request collection. */
export function requestCollectionRoutes(spec: RequestCollectionSpec): GraphRoute[] {
  const base = escapeRegex(spec.path);
  const name = spec.path.replace(/^\//, '');
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^${base}$`, 'i'),
      permission: spec.write,
      bodySchema: spec.bodySchema,
      handle(ctx) {
        const request = submitScheduleRequest(ctx.state, spec.collection, ctx.body ?? {}, ctx.caller);
        return {
          status: 201,
          body: { '@odata.context': contextUrl(ctx, `${name}/$entity`), ...requestJson(request) },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/${FILTER_BY_CURRENT_USER}$`, 'i'),
      permission: spec.currentUser,
      handle(ctx) {
        const on = ctx.params[0];
        if (!spec.supportedOn.includes(on)) {
          throw badRequest(
            'BadRequest',
            `filterByCurrentUser(on='${on}') is not supported on ${name}; supported: ${spec.supportedOn.map((o) => `'${o}'`).join(', ')}.`,
          );
        }
        ctx.state.tick();
        const me = ctx.caller.oid ?? '';
        const mine = [...ctx.state.requests.values()].filter((r) =>
          on === 'principal'
            ? r.principalId === me
            : on === 'createdBy'
              ? r.createdBy === me
              : (r.approval?.approverIds.includes(me) ?? false),
        );
        return list(ctx, spec, mine);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}$`, 'i'),
      permission: spec.read,
      handle(ctx) {
        const filter = ctx.query.get('$filter');
        if (spec.refuseStatusFilterOnList && filter && /\bstatus\s+(eq|ne)\b/i.test(filter)) {
          const clause = /status\s+(eq|ne)\s+'[^']*'/i.exec(filter)?.[0] ?? filter;
          throw badRequest('InvalidFilter', `The ${clause} filter is invalid.`);
        }
        if (ctx.query.has('$orderby')) {
          throw badRequest(
            'InvalidFilter',
            `The $orderby ${ctx.query.get('$orderby')} is invalid: ordering is not supported on this list.`,
          );
        }
        ctx.state.tick();
        return list(ctx, spec, [...ctx.state.requests.values()]);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/${ID}$`, 'i'),
      permission: spec.read,
      handle(ctx) {
        const r = findRequest(ctx, spec, ctx.params[0]);
        const q = parseCollectionQuery(ctx.query);
        const body = expand(ctx.state, r, applySelect(requestJson(r), q.select), ctx.query.get('$expand'));
        return entityResult(ctx, `${name}/$entity`, body);
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${base}/${ID}/cancel$`, 'i'),
      permission: spec.write,
      handle(ctx) {
        const r = findRequest(ctx, spec, ctx.params[0]);
        cancelRequest(ctx.state, r, ctx.caller.kind === 'delegated' ? ctx.caller.oid : undefined);
        return { status: 204 };
      },
    },
  ];
}
