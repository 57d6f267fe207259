import { DomainError, ErrorCodes } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { PimGateway } from '../../ports/pim-gateway';
import {
  ALL_ROLES,
  type ChannelRoute,
  type ChannelRoutePurpose,
  type ChannelRouteRepository,
} from '../../ports/stores';
import type { AuditLog } from '../../ports/audit-log';
import { AuditActions, SYSTEM_ACTOR } from '../../domain/audit/audit-actions';
import type { ChannelActor, ChannelPlace } from './channel-place';
import type { ChannelPermission } from './channel-permission';
import { resolveTenantRoles, type TenantRole } from './tenant-roles';

/** At most this many routes of one purpose per conversation (a bound on fan-out per activation). */
export const MAX_ROUTES_PER_CONVERSATION = 50;
/** How an "all roles" route is listed. */
export const ALL_ROLES_NAME = 'all privileged roles';

/** What a subscribe / unsubscribe / approvals here / approvals off did. */
export interface RouteChange {
  purpose: ChannelRoutePurpose;
  change: 'added' | 'removed';
  /** Role names that changed (ALL_ROLES_NAME for "everything"). */
  changed: string[];
  /** Role names that were already that way (already subscribed / were not subscribed). */
  unchanged: string[];
  /** The conversation's routes of that purpose afterwards. */
  now: ChannelRoute[];
}

/** What a conversation receives: announcements and approval cards, by role. */
export interface ConversationRoutes {
  announce: ChannelRoute[];
  approvals: ChannelRoute[];
}

/**
 * Subscriptions (`subscribe`, `unsubscribe`, `subscriptions`) and per-role approval routing
 * (`approvals here`, `approvals off`) of a channel or group chat, and their removal when Elevate
 * is removed from it. Changes need a team owner, a group-chat admin or an Elevate admin.
 */
export class ManageChannelRoutesUseCase {
  constructor(
    private readonly deps: {
      routes: ChannelRouteRepository;
      pim: Pick<PimGateway, 'listRoleDefinitions'>;
      permission: ChannelPermission;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  async add(
    actor: ChannelActor,
    place: ChannelPlace,
    purpose: ChannelRoutePurpose,
    names: readonly string[],
  ): Promise<RouteChange> {
    requireSharedConversation(place, purpose);
    await this.deps.permission.require(actor, place);
    const roles = names.length === 0 ? [allRoles()] : await resolveTenantRoles(this.deps.pim, names);
    const existing = await this.deps.routes.listForConversation(place.conversationId, purpose);
    const fresh = roles.filter((r) => !existing.some((e) => e.roleId === r.roleId));
    if (existing.length + fresh.length > MAX_ROUTES_PER_CONVERSATION) {
      throw new DomainError(
        ErrorCodes.CommandInvalid,
        `This conversation would have ${existing.length + fresh.length} roles; at most ${MAX_ROUTES_PER_CONVERSATION} are allowed.`,
        { remedy: 'Subscribe to all privileged roles instead (say the command with no role names).' },
      );
    }
    const changed: string[] = [];
    const unchanged: string[] = [];
    for (const role of roles) {
      const added = await this.deps.routes.add({
        conversationId: place.conversationId,
        tenantId: place.tenantId,
        purpose,
        roleId: role.roleId,
        roleName: role.roleName,
        createdBy: actor.userId,
        conversationName: place.name ?? null,
      });
      (added ? changed : unchanged).push(role.roleName);
    }
    await this.audit(actor, place, purpose, 'added', changed);
    return { purpose, change: 'added', changed, unchanged, now: await this.list(place, purpose) };
  }

  async remove(
    actor: ChannelActor,
    place: ChannelPlace,
    purpose: ChannelRoutePurpose,
    names: readonly string[],
  ): Promise<RouteChange> {
    requireSharedConversation(place, purpose);
    await this.deps.permission.require(actor, place);
    const before = await this.deps.routes.listForConversation(place.conversationId, purpose);
    let changed: string[];
    let unchanged: string[] = [];
    if (names.length === 0) {
      await this.deps.routes.remove(place.conversationId, purpose);
      changed = before.map(nameOf);
    } else {
      const roles = await resolveTenantRoles(this.deps.pim, names);
      const present = roles.filter((r) => before.some((b) => b.roleId === r.roleId));
      await this.deps.routes.remove(
        place.conversationId,
        purpose,
        present.map((r) => r.roleId),
      );
      changed = present.map((r) => r.roleName);
      unchanged = roles.filter((r) => !present.includes(r)).map((r) => r.roleName);
    }
    await this.audit(actor, place, purpose, 'removed', changed);
    return { purpose, change: 'removed', changed, unchanged, now: await this.list(place, purpose) };
  }

  async routes(place: ChannelPlace): Promise<ConversationRoutes> {
    return {
      announce: await this.list(place, 'announce'),
      approvals: await this.list(place, 'approvals'),
    };
  }

  /** Elevate was removed from the conversation: forget everything it was asked to send there. */
  async forget(conversationId: string, by: string): Promise<number> {
    const removed = await this.deps.routes.removeConversation(conversationId);
    if (removed > 0) {
      await this.deps.audit.record({
        actorId: by || SYSTEM_ACTOR,
        action: AuditActions.subscriptionChanged,
        outcome: 'succeeded',
        conversationId,
        reason: 'Elevate was removed from the conversation',
        details: { change: 'conversationRemoved', routesRemoved: removed },
      });
    }
    return removed;
  }

  private async list(place: ChannelPlace, purpose: ChannelRoutePurpose): Promise<ChannelRoute[]> {
    return (await this.deps.routes.listForConversation(place.conversationId, purpose)).map((r) => ({
      ...r,
      roleName: nameOf(r),
    }));
  }

  private async audit(
    actor: ChannelActor,
    place: ChannelPlace,
    purpose: ChannelRoutePurpose,
    change: 'added' | 'removed',
    roles: string[],
  ): Promise<void> {
    if (roles.length === 0) return;
    await this.deps.audit.record({
      actorId: actor.userId,
      actorName: actor.displayName,
      action: AuditActions.subscriptionChanged,
      outcome: 'succeeded',
      conversationId: place.conversationId,
      details: {
        change: `${purpose === 'announce' ? 'announcements' : 'approvals'} ${change}`,
        roles: roles.join(', ').slice(0, 1000),
        conversationKind: place.kind,
      },
    });
  }
}

function allRoles(): TenantRole {
  return { roleId: ALL_ROLES, roleName: ALL_ROLES_NAME };
}

function nameOf(route: ChannelRoute): string {
  return route.roleId === ALL_ROLES ? ALL_ROLES_NAME : route.roleName;
}

function requireSharedConversation(place: ChannelPlace, purpose: ChannelRoutePurpose): void {
  if (place.kind !== 'personal') return;
  const example = purpose === 'announce' ? 'subscribe Exchange Admin' : 'approvals here User Admin';
  throw new DomainError(
    ErrorCodes.CommandInvalid,
    `That works in a channel or group chat, not in a personal chat: it changes what the whole conversation receives.`,
    { remedy: `@mention Elevate in the channel and say "${example}".`, details: { example } },
  );
}
