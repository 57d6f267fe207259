import type { Kysely } from 'kysely';
import type { TimeSource } from '../../../ports/clock';
import type { ConversationRepository, SharedConversation, UserConversation } from '../../../ports/stores';
import { jsonFromColumn, jsonToColumn, requireText, timeFromColumn, timeToColumn } from '../column-codecs';
import type { Database } from '../database';

/** Conversation references: personal chats by (tenant, user), channels and group chats by conversation id. */
export class KyselyConversationRepository implements ConversationRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: TimeSource,
  ) {}

  async upsertForUser(input: {
    tenantId: string;
    userId: string;
    serviceUrl: string;
    reference: object;
  }): Promise<void> {
    const row = {
      tenant_id: requireText('tenantId', input.tenantId),
      user_id: requireText('userId', input.userId),
      service_url: requireText('serviceUrl', input.serviceUrl, 2048),
      reference: jsonToColumn('reference', input.reference),
      updated_at: timeToColumn('updatedAt', this.clock.now()),
    };
    await this.db
      .insertInto('user_conversations')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'user_id']).doUpdateSet((eb) => ({
          service_url: eb.ref('excluded.service_url'),
          reference: eb.ref('excluded.reference'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async upsertForConversation(input: {
    conversationId: string;
    tenantId: string;
    serviceUrl: string;
    reference: object;
  }): Promise<void> {
    const row = {
      conversation_id: requireText('conversationId', input.conversationId),
      tenant_id: requireText('tenantId', input.tenantId),
      service_url: requireText('serviceUrl', input.serviceUrl, 2048),
      reference: jsonToColumn('reference', input.reference),
      updated_at: timeToColumn('updatedAt', this.clock.now()),
    };
    await this.db
      .insertInto('shared_conversations')
      .values(row)
      .onConflict((oc) =>
        oc.column('conversation_id').doUpdateSet((eb) => ({
          tenant_id: eb.ref('excluded.tenant_id'),
          service_url: eb.ref('excluded.service_url'),
          reference: eb.ref('excluded.reference'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async getForUser(tenantId: string, userId: string): Promise<UserConversation | null> {
    const row = await this.db
      .selectFrom('user_conversations')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      tenantId: row.tenant_id,
      userId: row.user_id,
      serviceUrl: row.service_url,
      reference: jsonFromColumn(row.reference),
      updatedAt: timeFromColumn(row.updated_at),
    };
  }

  async getForConversation(conversationId: string): Promise<SharedConversation | null> {
    const row = await this.db
      .selectFrom('shared_conversations')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      conversationId: row.conversation_id,
      tenantId: row.tenant_id,
      serviceUrl: row.service_url,
      reference: jsonFromColumn(row.reference),
      updatedAt: timeFromColumn(row.updated_at),
    };
  }
}
