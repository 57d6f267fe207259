import type { DateTime } from 'luxon';
import type { RoleKind } from '../domain/roles';
import type { JsonObject } from './stores';

/** Persistence ports for PIM requests Elevate follows: the requests themselves and their card copies. */
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
