import { DomainError, ErrorCodes } from '../../domain/errors';
import type { AuditLog } from '../../ports/audit-log';
import type { PimGateway } from '../../ports/pim-gateway';
import { ALL_ROLES, type ChannelRoute, type ChannelRouteRepository } from '../../ports/stores';
import type { AdminGate } from '../admin/admin-gate';
import { ALL_ROLES_NAME, MAX_ROUTES_PER_CONVERSATION } from '../channels/manage-channel-routes.use-case';
import { resolveTenantRoles, type TenantRole } from '../channels/tenant-roles';
import type { Actor } from '../shared/actor';
import { recordSettingChange } from './settings-audit';

/** At most this many routed conversations are shown (and editable) on the settings card. */
export const MAX_ROUTED_CONVERSATIONS_SHOWN = 50;

/** A channel or group chat that receives approval cards, and for which roles. */
export interface RoutedConversation {
  /** Internal: the card keys its input by it; never shown. */
  conversationId: string;
  /** "Operations › Incidents", when Teams said it when the routing was made. */
  name?: string;
  /** Role names in alphabetical order, or ALL_ROLES_NAME for every role. */
  roleNames: string[];
}

export type ApprovalsRoutingChange =
  { kind: 'unchanged' } | { kind: 'changed'; name?: string; from: string[]; to: string[] };

/** Typed for "every role" in the settings card. */
const EVERY_ROLE = /^(all|all roles|all privileged roles|every role|everything)$/i;
/** Typed for "no role any more" (an empty field says the same). */
const NO_ROLE = /^(none|off|no roles?)$/i;

/**
 * The approvals channels per role as admins see and change them on the `settings` card: the
 * channels and group chats that said `approvals here`, with their roles. An admin may change
 * which roles a routed conversation receives approval cards for, or stop it (an empty list).
 * Stored as the channel routes every instance reads (ApprovalChannels), checked like the
 * `approvals here` command (every name a role of the tenant, at most 50 per conversation) and
 * audited as a settings change. A new conversation is added by saying `approvals here` in it
 * (Elevate must be in the conversation to post there).
 */
export class ApprovalsRoutingSettingsUseCase {
  constructor(
    private readonly deps: {
      gate: AdminGate;
      routes: Pick<ChannelRouteRepository, 'listConversations' | 'listForConversation' | 'add' | 'remove'>;
      pim: Pick<PimGateway, 'listRoleDefinitions'>;
      audit: Pick<AuditLog, 'record'>;
    },
  ) {}

  /** Every routed conversation, named ones first (by name). No admin check: callers show it to admins only. */
  async routed(): Promise<RoutedConversation[]> {
    const ids = (await this.deps.routes.listConversations('approvals')).slice(
      0,
      MAX_ROUTED_CONVERSATIONS_SHOWN,
    );
    const found: RoutedConversation[] = [];
    for (const conversationId of ids) {
      const routes = await this.deps.routes.listForConversation(conversationId, 'approvals');
      if (routes.length === 0) continue;
      found.push({ conversationId, name: nameOf(routes), roleNames: namesOf(routes) });
    }
    return found.sort(
      (a, b) =>
        Number(!a.name) - Number(!b.name) ||
        (a.name ?? '').localeCompare(b.name ?? '') ||
        a.conversationId.localeCompare(b.conversationId),
    );
  }

  /**
   * Sets the roles a routed conversation gets approval cards for to `typed` (comma-separated role
   * names; "all" for every role; empty or "none" to stop). Throws a DomainError saying what is wrong.
   */
  async setRoles(
    actor: Pick<Actor, 'userId' | 'displayName'>,
    conversationId: string,
    typed: string,
  ): Promise<ApprovalsRoutingChange> {
    await this.deps.gate.require(actor, 'settings', 'change Elevate’s settings');
    const before = await this.deps.routes.listForConversation(conversationId, 'approvals');
    const name = nameOf(before);
    if (before.length === 0) {
      throw new DomainError(
        ErrorCodes.SettingInvalid,
        'Approvals channels: that conversation no longer receives approval cards.',
        {
          remedy: 'Say "settings" again for the current list; to add a channel, say "approvals here" in it.',
          details: { setting: 'Approvals channels' },
        },
      );
    }
    const wanted = await this.rolesOf(typed, name);
    const had = new Set(before.map((r) => r.roleId));
    const want = new Set(wanted.map((r) => r.roleId));
    const added = wanted.filter((r) => !had.has(r.roleId));
    const removed = before.filter((r) => !want.has(r.roleId)).map((r) => r.roleId);
    if (added.length === 0 && removed.length === 0) return { kind: 'unchanged' };
    const { tenantId } = before[0];
    for (const role of added) {
      await this.deps.routes.add({
        conversationId,
        tenantId,
        purpose: 'approvals',
        roleId: role.roleId,
        roleName: role.roleName,
        createdBy: actor.userId,
        conversationName: name ?? null,
      });
    }
    await this.deps.routes.remove(conversationId, 'approvals', removed);
    const from = namesOf(before);
    const to = namesOf(wanted);
    await recordSettingChange(this.deps.audit, actor, {
      conversationId,
      reason: `Approvals channel ${name ?? '(a channel)'} changed`,
      details: {
        setting: 'approvalsChannel',
        conversation: name ?? null,
        from: from.join(', ').slice(0, 1000),
        to: (to.join(', ') || 'none').slice(0, 1000),
      },
    });
    return { kind: 'changed', name, from, to };
  }

  private async rolesOf(typed: string, name: string | undefined): Promise<TenantRole[]> {
    const names = typed
      .split(/[,;\n]/)
      .map((n) => n.trim())
      .filter((n) => n.length > 0);
    if (names.length === 0 || (names.length === 1 && NO_ROLE.test(names[0]))) return [];
    if (names.some((n) => EVERY_ROLE.test(n))) return [{ roleId: ALL_ROLES, roleName: ALL_ROLES_NAME }];
    if (names.length > MAX_ROUTES_PER_CONVERSATION) {
      throw new DomainError(
        ErrorCodes.SettingInvalid,
        `Approvals channels: ${name ?? 'a conversation'} would have ${names.length} roles; at most ${MAX_ROUTES_PER_CONVERSATION} are allowed.`,
        { remedy: 'Say "all" for every role instead.', details: { setting: 'Approvals channels' } },
      );
    }
    try {
      return await resolveTenantRoles(this.deps.pim, names);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCodes.RoleNotFound) {
        throw new DomainError(error.code, `Approvals channels (${name ?? 'a channel'}): ${error.message}`, {
          remedy: error.remedy,
          details: error.details,
        });
      }
      throw error;
    }
  }
}

function nameOf(routes: readonly ChannelRoute[]): string | undefined {
  return routes.map((r) => r.conversationName).find((n): n is string => typeof n === 'string' && n !== '');
}

/** Role names, alphabetical (routes made in one command share a creation time, so that order is not stable). */
function namesOf(routes: readonly { roleId: string; roleName: string }[]): string[] {
  return routes
    .map((r) => (r.roleId === ALL_ROLES ? ALL_ROLES_NAME : r.roleName))
    .sort((a, b) => a.localeCompare(b));
}
