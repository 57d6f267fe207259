import type { SeedUser } from '../../directory-types';
import { badRequest, notFound } from '../graph-error';
import { directoryObjectJson, groupJson, userJson } from '../directory-objects';
import { collectionResult, entityResult, filteredByQuery, selectedEntityResult } from '../graph-results';
import { Permissions } from '../permissions';
import { ID, type GraphContext, type GraphRoute } from '../graph-context';

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
/** Fields `$filter` may name on users and on groups. */
const USER_FIELDS = ['id', 'userPrincipalName', 'mail', 'displayName'];
const GROUP_FIELDS = ['id', 'displayName', 'isAssignableToRole'];
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
        return selectedEntityResult(
          ctx,
          'users/$entity',
          userJson(resolveUser(ctx, userIdOf(ctx.params[0]))),
        );
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/${USER}/mailboxSettings$`, 'i'),
      permission: Permissions.usersRead,
      selfPermission: isSelf,
      handle(ctx) {
        const user = resolveUser(ctx, userIdOf(ctx.params[0]));
        return entityResult(ctx, `users('${user.id}')/mailboxSettings`, { timeZone: user.timeZone });
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
        return collectionResult(
          ctx,
          'directoryObjects',
          filteredByQuery(ctx, groups.map(groupJson), GROUP_FIELDS),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/users$/i,
      permission: Permissions.usersRead,
      handle(ctx) {
        return collectionResult(
          ctx,
          'users',
          filteredByQuery(ctx, ctx.state.seed.users.map(userJson), USER_FIELDS),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/groups$/i,
      permission: Permissions.memberOfRead,
      handle(ctx) {
        return collectionResult(
          ctx,
          'groups',
          filteredByQuery(ctx, ctx.state.seed.groups.map(groupJson), GROUP_FIELDS),
        );
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
        return selectedEntityResult(ctx, 'directory/administrativeUnits/$entity', {
          '@odata.type': '#microsoft.graph.administrativeUnit',
          id: unit.id,
          displayName: unit.displayName,
        });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/groups/${ID}$`, 'i'),
      permission: Permissions.memberOfRead,
      handle(ctx) {
        const group = ctx.state.group(ctx.params[0]);
        if (!group) throw notFound('group', ctx.params[0]);
        return selectedEntityResult(ctx, 'groups/$entity', groupJson(group));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/groups/${ID}/owners$`, 'i'),
      permission: Permissions.memberOfRead,
      handle(ctx) {
        const group = ctx.state.group(ctx.params[0]);
        if (!group) throw notFound('group', ctx.params[0]);
        const items = (group.owners ?? [])
          .map((id) => directoryObjectJson(ctx.state, id))
          .filter((o): o is Record<string, unknown> => o !== null);
        return collectionResult(ctx, 'directoryObjects', items);
      },
    },
    {
      method: 'GET',
      pattern: /^\/chats\/([^/()]+)\/members$/i,
      permission: Permissions.chatMembersRead,
      handle(ctx) {
        const chatId = decodeURIComponent(ctx.params[0]);
        const chat = ctx.state.seed.chats?.find((c) => c.id === chatId);
        if (!chat) throw notFound('chat', chatId);
        const items = chat.members.map((m) => ({
          '@odata.type': '#microsoft.graph.aadUserConversationMember',
          id: `${chatId}|${m.userId}`,
          roles: m.roles,
          displayName: ctx.state.user(m.userId)?.displayName ?? null,
          userId: m.userId,
          tenantId: ctx.state.seed.tenant.id,
        }));
        return collectionResult(ctx, "chats('" + chatId + "')/members", items);
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
        return collectionResult(ctx, 'directoryObjects', items);
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
