import type { DateTime, Duration } from 'luxon';
import type { RoleKind } from '../domain/roles';
import type { OneTimeKeyRepository } from './one-time-keys';

/**
 * Persistence ports. Every state change the use cases make goes through one of these
 * repositories, and every write is safe with several Elevate instances sharing one database:
 * claims are insert-if-absent, updates are compare-and-swap, scheduled work is leased.
 *
 * Times are luxon `DateTime`s (returned in UTC, millisecond precision); JSON-valued fields are
 * plain objects that survive `JSON.stringify`/`JSON.parse` unchanged.
 */

/** A JSON object as read back from the store. */
export type JsonObject = { [key: string]: unknown };

// ---------------------------------------------------------------------------------------------
// conversations
// ---------------------------------------------------------------------------------------------

/** The conversation reference of a user's personal chat with the bot. */
export interface UserConversation {
  tenantId: string;
  /** Entra (AAD) object id of the user. */
  userId: string;
  serviceUrl: string;
  /** The full Bot Framework conversation reference, as stored. */
  reference: JsonObject;
  updatedAt: DateTime;
}

/** The conversation reference of a channel or group chat, keyed by its conversation id. */
export interface SharedConversation {
  conversationId: string;
  tenantId: string;
  serviceUrl: string;
  reference: JsonObject;
  updatedAt: DateTime;
}

export interface ConversationRepository {
  /**
   * Records (or refreshes) the personal-chat reference of a user. One statement; called on
   * every incoming activity. `reference` is any JSON-serialisable object (a Bot Framework
   * `ConversationReference`).
   */
  upsertForUser(input: {
    tenantId: string;
    userId: string;
    serviceUrl: string;
    reference: object;
  }): Promise<void>;
  /** Records (or refreshes) a channel / group chat reference. One statement. */
  upsertForConversation(input: {
    conversationId: string;
    tenantId: string;
    serviceUrl: string;
    reference: object;
  }): Promise<void>;
  getForUser(tenantId: string, userId: string): Promise<UserConversation | null>;
  getForConversation(conversationId: string): Promise<SharedConversation | null>;
}

// ---------------------------------------------------------------------------------------------
// users
// ---------------------------------------------------------------------------------------------

/** Per-user settings. New fields get a default in `DEFAULT_USER_PREFERENCES`. */
export interface UserPreferences {
  /** Minutes before expiry to send a reminder; `null` turns reminders off. */
  reminderLeadMinutes: number | null;
}

export const DEFAULT_USER_PREFERENCES: Readonly<UserPreferences> = Object.freeze({ reminderLeadMinutes: 10 });

export interface UserProfile {
  tenantId: string;
  /** Entra (AAD) object id. */
  userId: string;
  displayName: string;
  /** IANA time zone ('Europe/Berlin'), or null while unknown. */
  timeZone: string | null;
  /** BCP 47 locale ('en-GB'), or null while unknown. */
  locale: string | null;
  /** Stored preferences merged over the defaults. */
  preferences: UserPreferences;
  updatedAt: DateTime;
}

export interface UserProfileInput {
  tenantId: string;
  userId: string;
  displayName: string;
  /** Left unchanged when omitted (undefined). */
  timeZone?: string;
  /** Left unchanged when omitted (undefined). */
  locale?: string;
}

export interface UserRepository {
  /** Creates or refreshes name / time zone / locale. Never touches preferences. Returns the profile. */
  upsertProfile(input: UserProfileInput): Promise<UserProfile>;
  get(tenantId: string, userId: string): Promise<UserProfile | null>;
  /** Merges `patch` into the stored preferences. Returns the updated profile, or null if the user is unknown. */
  updatePreferences(
    tenantId: string,
    userId: string,
    patch: Partial<UserPreferences>,
  ): Promise<UserProfile | null>;
}

// ---------------------------------------------------------------------------------------------
// audit
// ---------------------------------------------------------------------------------------------

/** The structured fields of an audit entry (all optional; long text is cut, never refused). */
export interface AuditFields {
  actorName?: string | null;
  principalId?: string | null;
  principalName?: string | null;
  roleId?: string | null;
  roleName?: string | null;
  scopeId?: string | null;
  scopeName?: string | null;
  requestId?: string | null;
  justification?: string | null;
  ticket?: string | null;
  reason?: string | null;
  conversationId?: string | null;
  clientRequestId?: string | null;
}

export interface AuditEntryInput extends AuditFields {
  at: DateTime;
  /** Who did it: a user's object id, or 'system:<component>' for the reconciler. */
  actorId: string;
  /** What was done ('activate', 'approve', 'settings.update', …). */
  action: string;
  /** What it was done to (role, request id, setting…). */
  target: string;
  /** How it ended ('succeeded', 'failed', 'denied', 'pendingApproval', …). */
  outcome: string;
  details: JsonObject;
}

export interface AuditEntry extends AuditEntryInput {
  /** Increasing with insertion order. */
  id: number;
}

// ---------------------------------------------------------------------------------------------
// settings (admin settings shared by every instance)
// ---------------------------------------------------------------------------------------------

export interface StoredSetting {
  key: string;
  value: unknown;
  /** Starts at 1; every write adds 1. */
  version: number;
  updatedBy: string;
  updatedAt: DateTime;
}

export interface SettingsRepository {
  getAll(): Promise<StoredSetting[]>;
  /**
   * Writes `value` if the stored version is still `expectedVersion` (0: not set yet). Returns
   * false when another writer got there first.
   */
  put(input: {
    key: string;
    value: unknown;
    expectedVersion: number;
    updatedBy: string;
    at: DateTime;
  }): Promise<boolean>;
}

/** Append-only: there is deliberately no update or delete. */
export interface AuditRepository {
  append(entry: AuditEntryInput): Promise<AuditEntry>;
  /** Newest first (by `at`, then insertion order). `since` is inclusive. `limit` 1..1000. */
  list(query: { since?: DateTime; actorId?: string; limit: number }): Promise<AuditEntry[]>;
  /**
   * Newest first (oldest first with `order: 'oldest'`). `userId` matches the actor or the
   * principal; `roleId` the role; `since` is inclusive; `before` / `after` continue a listing
   * after its last entry (keyset paging, by time then id). `limit` 1..1000.
   */
  search(query: {
    userId?: string;
    roleId?: string;
    since?: DateTime;
    before?: { at: DateTime; id: number };
    after?: { at: DateTime; id: number };
    order?: 'newest' | 'oldest';
    limit: number;
  }): Promise<AuditEntry[]>;
}

// ---------------------------------------------------------------------------------------------
// token cache (msal-node cache partitions; already encrypted by the auth adapter)
// ---------------------------------------------------------------------------------------------

export interface TokenCacheRepository {
  read(partitionKey: string): Promise<Buffer | null>;
  /** Insert or replace. */
  write(partitionKey: string, data: Buffer): Promise<void>;
  delete(partitionKey: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// card copies
// ---------------------------------------------------------------------------------------------

export const CARD_COPY_KINDS = ['approval', 'requester', 'channel'] as const;
export type CardCopyKind = (typeof CARD_COPY_KINDS)[number];

export interface CardCopyInput {
  /** The PIM request id the card is about. */
  requestId: string;
  kind: CardCopyKind;
  /** The Bot Framework conversation reference the card was posted to. */
  conversationRef: object;
  /** The id of the posted activity (needed to update the card in place). */
  activityId: string;
  /** The user the copy was sent to (approver / requester), when personal. */
  recipientId?: string;
}

export interface CardCopy {
  requestId: string;
  kind: CardCopyKind;
  conversationRef: JsonObject;
  activityId: string;
  recipientId: string | null;
  createdAt: DateTime;
}

export interface CardCopyRepository {
  /** Idempotent on (requestId, activityId): returns false when that copy was already recorded. */
  add(copy: CardCopyInput): Promise<boolean>;
  /** Oldest first. */
  listForRequest(requestId: string): Promise<CardCopy[]>;
}

// ---------------------------------------------------------------------------------------------
// tracked PIM requests
// ---------------------------------------------------------------------------------------------

export interface TrackedRequest {
  /** The PIM schedule request id. */
  id: string;
  kind: RoleKind;
  principalId: string;
  /** roleDefinitionId, or the groupId for PIM for Groups. */
  roleId: string;
  roleName: string;
  directoryScopeId: string;
  /**
   * PIM request status as Graph reports it ('PendingApproval', 'Provisioned', …). Stored and
   * matched exactly (listByStatus is case-sensitive), so write Graph's canonical spelling.
   */
  status: string;
  /** The channel / chat the request was started from, if any. */
  originConversationId: string | null;
  data: JsonObject;
  /** Starts at 1; every successful compare-and-swap adds 1. */
  version: number;
  createdAt: DateTime;
  updatedAt: DateTime;
}

export type NewTrackedRequest = Omit<
  TrackedRequest,
  'version' | 'createdAt' | 'updatedAt' | 'originConversationId'
> & {
  originConversationId?: string | null;
};

/**
 * The mutable fields of a tracked request; `data` is replaced as a whole, not merged. Identity
 * fields (id, kind, principal, role, scope) never change.
 */
export type TrackedRequestPatch = Partial<
  Pick<TrackedRequest, 'status' | 'roleName' | 'originConversationId' | 'data'>
>;

export interface TrackedRequestRepository {
  /** Returns false (and changes nothing) when a request with that id is already tracked. */
  insertIfAbsent(row: NewTrackedRequest): Promise<boolean>;
  get(id: string): Promise<TrackedRequest | null>;
  /**
   * Applies `patch` only if the stored version is still `expectedVersion`; bumps the version and
   * `updatedAt`. Returns false when another writer got there first (re-read and retry).
   */
  compareAndSwap(id: string, expectedVersion: number, patch: TrackedRequestPatch): Promise<boolean>;
  /** Oldest first. An empty list returns []. */
  listByStatus(statuses: readonly string[]): Promise<TrackedRequest[]>;
  /** Oldest first. */
  listForPrincipal(principalId: string): Promise<TrackedRequest[]>;
}

// ---------------------------------------------------------------------------------------------
// durable scheduled work
// ---------------------------------------------------------------------------------------------

export const WORK_ITEM_STATUSES = ['pending', 'claimed', 'done', 'cancelled'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

export interface WorkItem {
  /** Unique key, e.g. 'reminder:<instanceId>:<endIso>'; makes scheduling idempotent. */
  key: string;
  kind: string;
  dueAt: DateTime;
  payload: JsonObject;
  status: WorkItemStatus;
  leaseOwner: string | null;
  leaseUntil: DateTime | null;
  /** How many times it has been claimed. */
  attempts: number;
  doneAt: DateTime | null;
}

export interface NewWorkItem {
  key: string;
  kind: string;
  dueAt: DateTime;
  payload: JsonObject;
}

export interface WorkItemRepository {
  /** Returns false (and changes nothing) when an item with that key exists, whatever its status. */
  scheduleIfAbsent(item: NewWorkItem): Promise<boolean>;
  /** Many at once (a few statements, not one round trip each); returns how many were new. */
  scheduleAllIfAbsent(items: readonly NewWorkItem[]): Promise<number>;
  /**
   * Makes a pending item due earlier (never later): its `dueAt` becomes `dueAt` when that is
   * before the current one. Returns false when the item is unknown, not pending, or already due by then.
   */
  bringForward(key: string, dueAt: DateTime): Promise<boolean>;
  /**
   * Atomically claims up to `limit` items that are pending and due (`dueAt <= now`) or claimed
   * with an expired lease (`leaseUntil <= now`), oldest `dueAt` first. Each claimed item gets
   * `status 'claimed'`, `leaseOwner = owner`, `leaseUntil = now + leaseDuration`, `attempts + 1`.
   * No item is handed to two claimers while its lease runs.
   */
  claimDue(now: DateTime, owner: string, leaseDuration: Duration, limit: number): Promise<WorkItem[]>;
  /** Marks a claimed item done. Only its current lease owner can; returns false otherwise. */
  complete(key: string, owner: string): Promise<boolean>;
  /** Gives a claimed item back as pending, due again at `retryAt`. Only the lease owner can. */
  release(key: string, owner: string, retryAt: DateTime): Promise<boolean>;
  /** Cancels a pending or claimed item. Returns false if it is unknown, done or already cancelled. */
  cancel(key: string): Promise<boolean>;
  get(key: string): Promise<WorkItem | null>;
}

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

// ---------------------------------------------------------------------------------------------
// aggregate
// ---------------------------------------------------------------------------------------------

export interface Store {
  conversations: ConversationRepository;
  users: UserRepository;
  audit: AuditRepository;
  settings: SettingsRepository;
  tokenCache: TokenCacheRepository;
  oneTimeKeys: OneTimeKeyRepository;
  cardCopies: CardCopyRepository;
  trackedRequests: TrackedRequestRepository;
  workItems: WorkItemRepository;
  channelRoutes: ChannelRouteRepository;
  channelBoards: ChannelBoardRepository;
  /** Resolves when the database answers a trivial query (readiness probe). */
  ping(): Promise<void>;
  /** Closes the connections. The store is unusable afterwards. */
  close(): Promise<void>;
}
