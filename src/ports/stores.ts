import type { DateTime } from 'luxon';
import type { OneTimeKeyRepository } from './one-time-keys';
import type { CardCopyRepository, TrackedRequestRepository } from './tracked-requests';
import type { CompositeCardRepository } from './composite-cards';
import type { WorkItemRepository } from './work-items';
import type { ChannelBoardRepository, ChannelRouteRepository } from './channel-routes';

export * from './tracked-requests';
export * from './work-items';
export * from './channel-routes';
export * from './composite-cards';

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
  compositeCards: CompositeCardRepository;
  trackedRequests: TrackedRequestRepository;
  workItems: WorkItemRepository;
  channelRoutes: ChannelRouteRepository;
  channelBoards: ChannelBoardRepository;
  /** Resolves when the database answers a trivial query (readiness probe). */
  ping(): Promise<void>;
  /** Closes the connections. The store is unusable afterwards. */
  close(): Promise<void>;
}
