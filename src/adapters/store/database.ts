import type { Generated } from 'kysely';

/**
 * Row shapes as stored, identical on SQLite and PostgreSQL: times are ISO 8601 UTC strings
 * with milliseconds ('2026-01-02T03:04:05.678Z', so text order is time order), JSON is text.
 */
export interface Database {
  user_conversations: UserConversationsTable;
  shared_conversations: SharedConversationsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  token_cache: TokenCacheTable;
  card_copies: CardCopiesTable;
  tracked_requests: TrackedRequestsTable;
  work_items: WorkItemsTable;
  one_time_keys: OneTimeKeysTable;
  settings: SettingsTable;
  channel_routes: ChannelRoutesTable;
  channel_boards: ChannelBoardsTable;
  composite_cards: CompositeCardsTable;
}

export interface CompositeCardsTable {
  conversation_id: string;
  activity_id: string;
  parts: string;
  version: number;
  updated_at: string;
}

export interface ChannelRoutesTable {
  conversation_id: string;
  purpose: string;
  role_id: string;
  tenant_id: string;
  role_name: string;
  created_by: string;
  created_at: string;
  conversation_name: string | null;
}

export interface ChannelBoardsTable {
  conversation_id: string;
  conversation_ref: string;
  activity_id: string | null;
  updated_at: string;
}

export interface OneTimeKeysTable {
  key: string;
  expires_at: string;
  used_at: string;
}

export interface UserConversationsTable {
  tenant_id: string;
  user_id: string;
  service_url: string;
  reference: string;
  updated_at: string;
}

export interface SharedConversationsTable {
  conversation_id: string;
  tenant_id: string;
  service_url: string;
  reference: string;
  updated_at: string;
}

export interface UsersTable {
  tenant_id: string;
  user_id: string;
  display_name: string;
  time_zone: string | null;
  locale: string | null;
  preferences: string;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string;
  action: string;
  target: string;
  outcome: string;
  details: string;
  actor_name: string | null;
  principal_id: string | null;
  principal_name: string | null;
  role_id: string | null;
  role_name: string | null;
  scope_id: string | null;
  scope_name: string | null;
  request_id: string | null;
  justification: string | null;
  ticket: string | null;
  reason: string | null;
  conversation_id: string | null;
  client_request_id: string | null;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface TokenCacheTable {
  partition_key: string;
  data: Buffer;
  updated_at: string;
}

export interface CardCopiesTable {
  request_id: string;
  activity_id: string;
  kind: string;
  conversation_ref: string;
  recipient_id: string | null;
  created_at: string;
}

export interface TrackedRequestsTable {
  id: string;
  kind: string;
  principal_id: string;
  role_id: string;
  role_name: string;
  directory_scope_id: string;
  status: string;
  origin_conversation_id: string | null;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WorkItemsTable {
  key: string;
  kind: string;
  due_at: string;
  payload: string;
  status: string;
  lease_owner: string | null;
  lease_until: string | null;
  attempts: number;
  done_at: string | null;
  created_at: string;
}

/** Which SQL engine a store runs on; the few statements that differ branch on it. */
export type StoreDialect = 'sqlite' | 'postgres';
