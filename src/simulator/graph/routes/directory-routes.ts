import type { SeedUser } from '../../directory-types';
import { badRequest, notFound } from '../graph-error';
import { directoryObjectJson, groupJson, userJson } from '../directory-objects';
import { applySelect, collectionPage, parseCollectionQuery } from '../odata-collection';
import { matchesFilter, parseFilter } from '../odata-filter';
import { Permissions } from '../permissions';
import { contextUrl, ID, type GraphContext, type GraphRoute } from '../graph-context';

/** Directory reads the bot needs: /me, /users/{id}, transitiveMemberOf, group members, `id in (…)` lookups. */
function resolveUser(ctx: Pick<GraphContext, 'caller' | 'state'>, idOrMe: string): SeedUser {
  if (idOrMe.toLowerCase() === 'me') {
    if (ctx.caller.kind !== 'delegated' || !ctx.caller.oid) {
      throw badRequest('BadRequest', '/me request is only valid with delegated authentication flow.');
    }
  }
  const id = idOrMe.toLowerCase() === 'me' ? (ctx.caller.oid ?? '') : idOrMe;
  const user = ctx.state.user(id);
  if (!user) throw notFound('user', id);
  return user;
}

const isSelf = (ctx: Omit<GraphContext, 'body'>): boolean =>
  ctx.caller.kind === 'delegated' &&
  (ctx.params[0]?.toLowerCase() === 'me' ||
    (ctx.caller.oid !== undefined && ctx.state.user(ctx.params[0] ?? '')?.id === ctx.caller.oid));

const USER = '(me|users/[^/()]+)';
const userIdOf = (segment: string): string =>
  segment.toLowerCase() === 'me' ? 'me' : segment.slice('users/'.length);

export function directoryRoutes(): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/${USER}$`, 'i'),
      permission: Permissions.usersRead,
      selfPermission: isSelf,
      handle(ctx) {
        const user = resolveUser(ctx, userIdOf(ctx.params[0]));
        const q = parseCollectionQuery(ctx.query);
        return {
          status: 200,
          body: {
            '@odata.context': contextUrl(ctx, 'users/$entity'),
            ...applySelect(userJson(user), q.select),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/${USER}/mailboxSettings$`, 'i'),
      permission: Permissions.usersRead,
      selfPermission: isSelf,
      handle(ctx) {
        const user = resolveUser(ctx, userIdOf(ctx.params[0]));
        return {
          status: 200,
          body: {
            '@odata.context': contextUrl(ctx, `users('${user.id}')/mailboxSettings`),
            timeZone: user.timeZone,
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/${USER}/(transitiveMemberOf|memberOf)$`, 'i'),
      permission: Permissions.memberOfRead,
      selfPermission: isSelf,
      handle(ctx) {
        const user = resolveUser(ctx, userIdOf(ctx.params[0]));
        const transitive = ctx.params[1].toLowerCase() === 'transitivememberof';
        const groups = transitive
          ? ctx.state.groupsOf(user.id)
          : ctx.state.seed.groups.filter((g) => g.members.includes(user.id));
        const clauses = parseFilter(ctx.query.get('$filter') ?? undefined, [
          'id',
          'displayName',
          'isAssignableToRole',
        ]);
        const items = groups.map(groupJson).filter((g) => matchesFilter(g, clauses));
        return {
          status: 200,
          body: collectionPage(
            items,
            parseCollectionQuery(ctx.query),
            contextUrl(ctx, 'directoryObjects'),
            ctx.url,
          ),
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/users$/i,
      permission: Permissions.usersRead,
      handle(ctx) {
        const clauses = parseFilter(ctx.query.get('$filter') ?? undefined, [
          'id',
          'userPrincipalName',
          'mail',
          'displayName',
        ]);
        const items = ctx.state.seed.users.map(userJson).filter((u) => matchesFilter(u, clauses));
        return {
          status: 200,
          body: collectionPage(items, parseCollectionQuery(ctx.query), contextUrl(ctx, 'users'), ctx.url),
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/groups$/i,
      permission: Permissions.memberOfRead,
      handle(ctx) {
        const clauses = parseFilter(ctx.query.get('$filter') ?? undefined, [
          'id',
          'displayName',
          'isAssignableToRole',
        ]);
        const items = ctx.state.seed.groups.map(groupJson).filter((g) => matchesFilter(g, clauses));
        return {
          status: 200,
          body: collectionPage(items, parseCollectionQuery(ctx.query), contextUrl(ctx, 'groups'), ctx.url),
        };
      },
    },
    {
      // Scope names for administrative-unit-scoped eligibilities.
      method: 'GET',
      pattern: new RegExp(`^/directory/administrativeUnits/${ID}$`, 'i'),
      permission: Permissions.administrativeUnitsRead,
      handle(ctx) {
        const id = ctx.params[0].toLowerCase();
        const unit = ctx.state.seed.administrativeUnits.find((a) => a.id.toLowerCase() === id);
        if (!unit) throw notFound('administrativeUnit', ctx.params[0]);
        const q = parseCollectionQuery(ctx.query);
        return {
          status: 200,
          body: {
            '@odata.context': contextUrl(ctx, 'directory/administrativeUnits/$entity'),
            ...applySelect(
              {
                '@odata.type': '#microsoft.graph.administrativeUnit',
                id: unit.id,
                displayName: unit.displayName,
              },
              q.select,
            ),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/groups/${ID}$`, 'i'),
      permission: Permissions.memberOfRead,
      handle(ctx) {
        const group = ctx.state.group(ctx.params[0]);
        if (!group) throw notFound('group', ctx.params[0]);
        const q = parseCollectionQuery(ctx.query);
        return {
          status: 200,
          body: {
            '@odata.context': contextUrl(ctx, 'groups/$entity'),
            ...applySelect(groupJson(group), q.select),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/groups/${ID}/(members|transitiveMembers)$`, 'i'),
      permission: Permissions.memberOfRead,
      handle(ctx) {
        const group = ctx.state.group(ctx.params[0]);
        if (!group) throw notFound('group', ctx.params[0]);
        const direct = ctx.state.membersOf(group.id);
        const ids = ctx.params[1].toLowerCase() === 'transitivemembers' ? expandMembers(ctx, direct) : direct;
        const items = ids
          .map((id) => directoryObjectJson(ctx.state, id))
          .filter((o): o is Record<string, unknown> => o !== null);
        return {
          status: 200,
          body: collectionPage(
            items,
            parseCollectionQuery(ctx.query),
            contextUrl(ctx, 'directoryObjects'),
            ctx.url,
          ),
        };
      },
    },
  ];
}

function expandMembers(ctx: GraphContext, ids: string[], seen = new Set<string>()): string[] {
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const nested = ctx.state.group(id);
    if (nested) expandMembers(ctx, ctx.state.membersOf(nested.id), seen);
  }
  return [...seen];
}
