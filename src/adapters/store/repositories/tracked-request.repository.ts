import type { Kysely } from 'kysely';
import type { TimeSource } from '../../../ports/clock';
import type {
  NewTrackedRequest,
  TrackedRequest,
  TrackedRequestPatch,
  TrackedRequestRepository,
} from '../../../ports/stores';
import type { RoleKind } from '../../../domain/roles';
import {
  jsonFromColumn,
  jsonToColumn,
  requireInteger,
  requireOneOf,
  requireText,
  timeFromColumn,
  timeToColumn,
} from '../column-codecs';
import type { Database, TrackedRequestsTable } from '../database';
import { storeInputError } from '../store-input-error';

const ROLE_KINDS: readonly RoleKind[] = ['directoryRole', 'groupMember', 'groupOwner'];
const PATCHABLE = ['status', 'roleName', 'originConversationId', 'data'] as const;

/** PIM requests Elevate follows, updated only by compare-and-swap on `version`. */
export class KyselyTrackedRequestRepository implements TrackedRequestRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: TimeSource,
  ) {}

  async insertIfAbsent(row: NewTrackedRequest): Promise<boolean> {
    const now = timeToColumn('createdAt', this.clock.now());
    const values: TrackedRequestsTable = {
      id: requireText('id', row.id),
      kind: requireOneOf('kind', row.kind, ROLE_KINDS),
      principal_id: requireText('principalId', row.principalId),
      role_id: requireText('roleId', row.roleId),
      role_name: requireText('roleName', row.roleName),
      directory_scope_id: requireText('directoryScopeId', row.directoryScopeId),
      status: requireText('status', row.status, 100),
      origin_conversation_id: optionalText('originConversationId', row.originConversationId),
      data: jsonToColumn('data', row.data),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const result = await this.db
      .insertInto('tracked_requests')
      .values(values)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async get(id: string): Promise<TrackedRequest | null> {
    const row = await this.db
      .selectFrom('tracked_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toTrackedRequest(row) : null;
  }

  async compareAndSwap(id: string, expectedVersion: number, patch: TrackedRequestPatch): Promise<boolean> {
    requireInteger('expectedVersion', expectedVersion, 1, Number.MAX_SAFE_INTEGER);
    const changes = toColumns(patch);
    const result = await this.db
      .updateTable('tracked_requests')
      .set((eb) => ({
        ...changes,
        version: eb('version', '+', 1),
        updated_at: timeToColumn('updatedAt', this.clock.now()),
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async listByStatus(statuses: readonly string[]): Promise<TrackedRequest[]> {
    if (!Array.isArray(statuses)) {
      throw storeInputError('statuses', `is ${typeof statuses}`, 'an array of status strings');
    }
    if (statuses.length === 0) return [];
    const rows = await this.db
      .selectFrom('tracked_requests')
      .selectAll()
      .where(
        'status',
        'in',
        statuses.map((s, i) => requireText(`statuses[${i}]`, s, 100)),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toTrackedRequest);
  }

  async listForPrincipal(principalId: string): Promise<TrackedRequest[]> {
    const rows = await this.db
      .selectFrom('tracked_requests')
      .selectAll()
      .where('principal_id', '=', principalId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toTrackedRequest);
  }
}

function toColumns(patch: TrackedRequestPatch): Partial<TrackedRequestsTable> {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw storeInputError(
      'patch',
      `is ${JSON.stringify(patch)}`,
      `an object with some of ${PATCHABLE.join(', ')}`,
    );
  }
  const columns: Partial<TrackedRequestsTable> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    switch (key) {
      case 'status':
        columns.status = requireText('patch.status', value, 100);
        break;
      case 'roleName':
        columns.role_name = requireText('patch.roleName', value);
        break;
      case 'originConversationId':
        columns.origin_conversation_id = optionalText('patch.originConversationId', value);
        break;
      case 'data':
        columns.data = jsonToColumn('patch.data', value);
        break;
      default:
        throw storeInputError(`patch.${key}`, 'cannot be changed', PATCHABLE.join(', '));
    }
  }
  return columns;
}

function optionalText(field: string, value: unknown): string | null {
  return value === undefined || value === null ? null : requireText(field, value);
}

function toTrackedRequest(row: TrackedRequestsTable): TrackedRequest {
  return {
    id: row.id,
    kind: row.kind as RoleKind,
    principalId: row.principal_id,
    roleId: row.role_id,
    roleName: row.role_name,
    directoryScopeId: row.directory_scope_id,
    status: row.status,
    originConversationId: row.origin_conversation_id,
    data: jsonFromColumn(row.data),
    version: Number(row.version),
    createdAt: timeFromColumn(row.created_at),
    updatedAt: timeFromColumn(row.updated_at),
  };
}
