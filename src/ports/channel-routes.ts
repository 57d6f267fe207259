import type { DateTime } from 'luxon';
import type { JsonObject } from './stores';

/** Persistence ports for what channels asked for: subscriptions, per-role approval routing, boards. */
// ---------------------------------------------------------------------------------------------
// channel routes (subscriptions, per-role approval routing) and boards
// ---------------------------------------------------------------------------------------------

/** What a channel / group chat asked for: announcements of activations, or approval cards. */
export const CHANNEL_ROUTE_PURPOSES = ['announce', 'approvals'] as const;
export type ChannelRoutePurpose = (typeof CHANNEL_ROUTE_PURPOSES)[number];

/** The role id of a route that covers every privileged role. */
export const ALL_ROLES = '*';

export interface ChannelRouteInput {
  conversationId: string;
  tenantId: string;
  purpose: ChannelRoutePurpose;
  /** roleDefinitionId (or groupId for PIM for Groups), or ALL_ROLES. */
  roleId: string;
  /** The role's display name when the route was made (for listing; ALL_ROLES: a description). */
  roleName: string;
  /** Who made the route (Entra object id). */
  createdBy: string;
  /** The channel's or group chat's name as Teams gave it ("Operations › Incidents"), when known. */
  conversationName?: string | null;
}

export interface ChannelRoute extends ChannelRouteInput {
  createdAt: DateTime;
}

export interface ChannelRouteRepository {
  /** Idempotent on (conversationId, purpose, roleId): returns false when that route already existed. */
  add(route: ChannelRouteInput): Promise<boolean>;
  /**
   * Removes the conversation's routes of `purpose` for those role ids (ALL_ROLES is a role id like
   * any other here), or all of them when `roleIds` is omitted. Returns how many were removed.
   */
  remove(conversationId: string, purpose: ChannelRoutePurpose, roleIds?: readonly string[]): Promise<number>;
  /** The conversation's routes, oldest first (both purposes unless one is given). */
  listForConversation(conversationId: string, purpose?: ChannelRoutePurpose): Promise<ChannelRoute[]>;
  /** Routes of `purpose` that cover `roleId`: those for that role and those for ALL_ROLES, oldest first. */
  listForRole(purpose: ChannelRoutePurpose, roleId: string): Promise<ChannelRoute[]>;
  /** Conversations with at least one route of `purpose` (ids, in no particular order). */
  listConversations(purpose: ChannelRoutePurpose): Promise<string[]>;
  /** Deletes every route and the board of a conversation (Elevate was removed from it). Returns routes removed. */
  removeConversation(conversationId: string): Promise<number>;
}

/** The "who holds what" board of a conversation: one message, edited in place. */
export interface ChannelBoard {
  conversationId: string;
  conversationRef: JsonObject;
  /** Null while the instance that claimed the board is still posting it. */
  activityId: string | null;
  updatedAt: DateTime;
}

export interface ChannelBoardRepository {
  /**
   * Claims the conversation's board before posting it (insert-if-absent). False when the
   * conversation already has one (or another instance is posting it right now).
   */
  claim(input: { conversationId: string; conversationRef: object }): Promise<boolean>;
  /** Records the posted message's id. Only succeeds when the stored id is still `expected` (compare-and-swap). */
  setActivity(conversationId: string, activityId: string, expected: string | null): Promise<boolean>;
  get(conversationId: string): Promise<ChannelBoard | null>;
  /** Gives up a board (its message is gone). True when there was one. */
  remove(conversationId: string): Promise<boolean>;
}
