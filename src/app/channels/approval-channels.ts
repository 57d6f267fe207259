import type { ChannelRouteRepository } from '../../ports/stores';

/** At most this many conversations get a copy of one approval card (a bound on fan-out per request). */
export const MAX_APPROVAL_CHANNELS = 10;

/** The approval routing as an admin reads it: the default channel and each conversation's roles. */
export interface ApprovalRoutingOverview {
  /** APPROVALS_CHANNEL_ID: every approval card, whatever the role. */
  defaultChannelId?: string;
  /** Conversations that said `approvals here [<role>, …]`, with the role names (or all roles). */
  perRole: { conversationId: string; roleNames: string[] }[];
}

/**
 * Where a role's approval cards go besides the approvers' personal chats: the default approvals
 * channel (`APPROVALS_CHANNEL_ID`) and every channel or group chat that said `approvals here` for
 * that role or for all roles. The one reader of the per-role approvals routing (stored as channel
 * routes with purpose `approvals`, written by ManageChannelRoutesUseCase).
 */
export class ApprovalChannels {
  constructor(
    private readonly deps: {
      routes: Pick<ChannelRouteRepository, 'listForRole' | 'listConversations' | 'listForConversation'>;
      defaultChannelId?: string;
    },
  ) {}

  /** The conversations that receive an approval card for `roleId`: the default first, no repeats, bounded. */
  async forRole(roleId: string): Promise<string[]> {
    const routed = await this.deps.routes.listForRole('approvals', roleId);
    const ids = [this.deps.defaultChannelId, ...routed.map((r) => r.conversationId)].filter(
      (id): id is string => typeof id === 'string' && id.length > 0,
    );
    return [...new Set(ids)].slice(0, MAX_APPROVAL_CHANNELS);
  }

  /** Everything that is routed, for the settings card. */
  async overview(): Promise<ApprovalRoutingOverview> {
    const perRole = [];
    for (const conversationId of await this.deps.routes.listConversations('approvals')) {
      const routes = await this.deps.routes.listForConversation(conversationId, 'approvals');
      perRole.push({ conversationId, roleNames: routes.map((r) => r.roleName) });
    }
    return { defaultChannelId: this.deps.defaultChannelId, perRole };
  }
}
