import type { Kysely, Migration } from 'kysely';

/** Structured audit columns the trail is searched and exported by. All nullable: older rows have none. */
export const AUDIT_COLUMNS = [
  'actor_name',
  'principal_id',
  'principal_name',
  'role_id',
  'role_name',
  'scope_id',
  'scope_name',
  'request_id',
  'justification',
  'ticket',
  'reason',
  'conversation_id',
  'client_request_id',
] as const;

/**
 * The audit trail's structured fields (who for whom, which role at which scope, request,
 * justification, ticket, conversation, Graph client-request-id), and the admin settings every
 * instance reads. Adding columns is not an UPDATE: the append-only triggers stay as they are.
 */
export const auditFieldsAndSettings: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const column of AUDIT_COLUMNS) {
      await db.schema.alterTable('audit_log').addColumn(column, 'text').execute();
    }
    await db.schema
      .createIndex('audit_log_principal_at_idx')
      .on('audit_log')
      .columns(['principal_id', 'at'])
      .execute();
    await db.schema.createIndex('audit_log_role_at_idx').on('audit_log').columns(['role_id', 'at']).execute();
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('settings').execute();
    await db.schema.dropIndex('audit_log_role_at_idx').execute();
    await db.schema.dropIndex('audit_log_principal_at_idx').execute();
    for (const column of [...AUDIT_COLUMNS].reverse()) {
      await db.schema.alterTable('audit_log').dropColumn(column).execute();
    }
  },
};
