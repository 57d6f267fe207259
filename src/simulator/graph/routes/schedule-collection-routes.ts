import { instanceJson, roleDefinitionJson, scheduleJson } from '../../pim/graph-serializers';
import type { Schedule } from '../../pim/pim-types';
import type { TenantState } from '../../pim/tenant-state';
import { directoryObjectJson } from '../directory-objects';
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

export interface ScheduleCollectionSpec {
  path: string;
  kind: Schedule['kind'];
  /** Instances (what holds now) or schedules (current and future). */
  instances: boolean;
  targetType: 'role' | 'group';
  read: PermissionSpec;
  currentUser: PermissionSpec;
  filterFields: string[];
  /** `@odata.context` collection name, e.g. `Collection(unifiedRoleEligibilityScheduleInstance)`. */
  contextName: string;
}

interface Rendered {
  schedule: Schedule;
  json: Record<string, unknown>;
}

function render(spec: ScheduleCollectionSpec, s: Schedule, viaGroupUser?: string): Record<string, unknown> {
  if (spec.instances) return instanceJson(s, viaGroupUser ? { userId: viaGroupUser } : undefined);
  const json = scheduleJson(s);
  if (!viaGroupUser) return json;
  // Directory roles: the group stays the principal (azure-docs#113251); PIM for Groups: the user.
  return spec.targetType === 'group'
    ? { ...json, principalId: viaGroupUser, memberType: 'group' }
    : { ...json, memberType: 'Group' };
}

function pool(state: TenantState, spec: ScheduleCollectionSpec): Schedule[] {
  state.tick();
  const all = spec.instances ? state.activeSchedules(spec.kind) : state.liveSchedules(spec.kind);
  return all.filter((s) => s.target.type === spec.targetType);
}

/** The caller's own schedules plus those held through (role-assignable) groups, as memberType Group rows. */
function forCurrentUser(state: TenantState, spec: ScheduleCollectionSpec, me: string): Rendered[] {
  const schedules = pool(state, spec);
  const direct = schedules
    .filter((s) => s.principalId === me)
    .map((s) => ({ schedule: s, json: render(spec, s) }));
  const groups = state.groupsOf(me).filter((g) => spec.targetType === 'group' || g.isAssignableToRole);
  const viaGroups = schedules
    .filter((s) => groups.some((g) => g.id === s.principalId))
    .map((s) => ({ schedule: s, json: render(spec, s, me) }));
  return [...direct, ...viaGroups];
}

const isInstance = (r: Rendered): boolean => 'startDateTime' in r.json;

function expand(state: TenantState, r: Rendered, expandParam: string | null): Record<string, unknown> {
  if (!expandParam) return r.json;
  const out = { ...r.json };
  for (const nav of expandParam.split(',').map((s) => s.trim().toLowerCase())) {
    const target = r.schedule.target;
    if (nav === 'roledefinition' && target.type === 'role') {
      const role = state.roleDefinitions.find((d) => d.id === target.roleDefinitionId);
      out.roleDefinition = role ? roleDefinitionJson(role) : null;
    } else if (nav === 'principal') out.principal = directoryObjectJson(state, String(r.json.principalId));
    else if (nav === 'group' && target.type === 'group')
      out.group = directoryObjectJson(state, target.groupId);
    else if (nav === 'activatedusing') {
      const s = state.schedules.find((x) => x.id === r.schedule.activatedUsing);
      out.activatedUsing = s ? (isInstance(r) ? instanceJson(s) : scheduleJson(s)) : null;
    } else if (nav === 'directoryscope' || nav === 'appscope')
      out[nav === 'directoryscope' ? 'directoryScope' : 'appScope'] = null;
    else
      throw badRequest(
        'BadRequest',
        `Could not find a property named '${nav}' to expand. Expandable: roleDefinition, principal, activatedUsing, directoryScope, appScope.`,
      );
  }
  return out;
}

function page(ctx: GraphContext, spec: ScheduleCollectionSpec, rows: Rendered[]) {
  const clauses = parseFilter(ctx.query.get('$filter') ?? undefined, spec.filterFields);
  const q = parseCollectionQuery(ctx.query);
  const items = rows
    .filter((r) => matchesFilter(r.json, clauses))
    .map((r) => expand(ctx.state, r, ctx.query.get('$expand')));
  return { status: 200, body: collectionPage(items, q, contextUrl(ctx, spec.contextName), ctx.url) };
}

/** List, get and filterByCurrentUser(on='principal') for schedules or schedule instances. */
export function scheduleCollectionRoutes(spec: ScheduleCollectionSpec): GraphRoute[] {
  const base = escapeRegex(spec.path);
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/${FILTER_BY_CURRENT_USER}$`, 'i'),
      permission: spec.currentUser,
      handle(ctx) {
        if (ctx.params[0] !== 'principal') {
          throw badRequest(
            'BadRequest',
            `filterByCurrentUser(on='${ctx.params[0]}') is not supported here; supported: 'principal'.`,
          );
        }
        return page(ctx, spec, forCurrentUser(ctx.state, spec, ctx.caller.oid ?? ''));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}$`, 'i'),
      permission: spec.read,
      handle(ctx) {
        return page(
          ctx,
          spec,
          pool(ctx.state, spec).map((s) => ({ schedule: s, json: render(spec, s) })),
        );
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/${ID}$`, 'i'),
      permission: spec.read,
      handle(ctx) {
        const id = ctx.params[0];
        const rows = pool(ctx.state, spec).map((s) => ({ schedule: s, json: render(spec, s) }));
        const mine = ctx.caller.oid ? forCurrentUser(ctx.state, spec, ctx.caller.oid) : [];
        const found = [...rows, ...mine].find((r) => r.json.id === id);
        if (!found) throw notFound(spec.path.split('/').pop() ?? 'schedule', id);
        const q = parseCollectionQuery(ctx.query);
        const body = expand(
          ctx.state,
          { ...found, json: applySelect(found.json, q.select) },
          ctx.query.get('$expand'),
        );
        return entityResult(ctx, `${spec.path.replace(/^\//, '')}/$entity`, body);
      },
    },
  ];
}
