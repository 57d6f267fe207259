import { DateTime } from 'luxon';
import { sql, type Kysely } from 'kysely';
import type { TimeSource } from '../../ports/clock';
import type { Store } from '../../ports/stores';
import type { Database, StoreDialect } from './database';
import { openPostgres, requireSchemaName } from './open-postgres';
import { openSqlite } from './open-sqlite';
import { KyselyAuditRepository } from './repositories/audit.repository';
import { KyselySettingsRepository } from './repositories/settings.repository';
import { KyselyCardCopyRepository } from './repositories/card-copy.repository';
import { KyselyCompositeCardRepository } from './repositories/composite-card.repository';
import { KyselyChannelBoardRepository } from './repositories/channel-board.repository';
import { KyselyChannelRouteRepository } from './repositories/channel-route.repository';
import { KyselyConversationRepository } from './repositories/conversation.repository';
import { KyselyOneTimeKeyRepository } from './repositories/one-time-key.repository';
import { KyselyTokenCacheRepository } from './repositories/token-cache.repository';
import { KyselyTrackedRequestRepository } from './repositories/tracked-request.repository';
import { KyselyUserRepository } from './repositories/user.repository';
import { KyselyWorkItemRepository } from './repositories/work-item.repository';
import { runMigrations } from './run-migrations';
import { storeInputError } from './store-input-error';
import { silentStoreLogger, type StoreLogger } from './store-logger';

export type { StoreLogger } from './store-logger';

export const DEFAULT_SQLITE_PATH = '.data/elevate.sqlite';
export const DEFAULT_POSTGRES_SCHEMA = 'public';

export interface CreateStoreOptions {
  /** `postgres://…` or `postgresql://…` selects PostgreSQL; empty or absent selects SQLite. */
  databaseUrl?: string;
  /** SQLite file (directory created if missing), e.g. DEFAULT_SQLITE_PATH; ':memory:' for a throwaway database. */
  sqlitePath: string;
  /** PostgreSQL only: the schema holding the store's tables (created if missing). Default 'public'. */
  schema?: string;
  logger?: StoreLogger;
  /** Source of the store's own timestamps (updatedAt, createdAt, doneAt). Default: system UTC. */
  clock?: TimeSource;
}

const systemClock: TimeSource = { now: () => DateTime.utc() };

/** Opens the database the options name, migrates it to the latest schema and returns the repositories. */
export async function createStore(options: CreateStoreOptions): Promise<Store> {
  const logger = options.logger ?? silentStoreLogger;
  const clock = options.clock ?? systemClock;
  const target = chooseDatabase(options);

  const db: Kysely<Database> =
    target.dialect === 'postgres'
      ? await openPostgres(target.url, target.schema, (error) =>
          logger.warn({ err: error }, 'idle PostgreSQL connection failed; the pool will replace it'),
        )
      : openSqlite(target.path);

  try {
    await runMigrations(
      db as Kysely<unknown>,
      target.dialect,
      target.dialect === 'postgres' ? target.schema : undefined,
      logger,
    );
  } catch (error) {
    await db.destroy();
    throw error;
  }
  logger.info(
    target.dialect === 'postgres'
      ? { dialect: 'postgres', schema: target.schema }
      : { dialect: 'sqlite', path: target.path },
    'store ready',
  );
  return assembleStore(db, target.dialect, clock);
}

type DatabaseTarget =
  { dialect: 'postgres'; url: string; schema: string } | { dialect: 'sqlite'; path: string };

function chooseDatabase(options: CreateStoreOptions): DatabaseTarget {
  const url = options.databaseUrl?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw storeInputError(
        'databaseUrl',
        `has an unsupported scheme (${url.split(':')[0]}:)`,
        'postgres://… or postgresql://… for PostgreSQL, or no databaseUrl for SQLite',
      );
    }
    return { dialect: 'postgres', url, schema: requireSchemaName(options.schema ?? DEFAULT_POSTGRES_SCHEMA) };
  }
  if (options.schema !== undefined) {
    throw storeInputError(
      'schema',
      'was given without a PostgreSQL databaseUrl',
      'a schema only together with postgres://…',
    );
  }
  if (typeof options.sqlitePath !== 'string' || options.sqlitePath.trim() === '') {
    throw storeInputError(
      'sqlitePath',
      `is ${JSON.stringify(options.sqlitePath)}`,
      `a file path such as '${DEFAULT_SQLITE_PATH}', or ':memory:'`,
    );
  }
  return { dialect: 'sqlite', path: options.sqlitePath };
}

function assembleStore(db: Kysely<Database>, dialect: StoreDialect, clock: TimeSource): Store {
  let closed: Promise<void> | undefined;
  return {
    conversations: new KyselyConversationRepository(db, clock),
    users: new KyselyUserRepository(db, clock),
    audit: new KyselyAuditRepository(db),
    settings: new KyselySettingsRepository(db),
    tokenCache: new KyselyTokenCacheRepository(db, clock),
    oneTimeKeys: new KyselyOneTimeKeyRepository(db, clock),
    cardCopies: new KyselyCardCopyRepository(db, clock),
    compositeCards: new KyselyCompositeCardRepository(db, clock),
    trackedRequests: new KyselyTrackedRequestRepository(db, clock),
    workItems: new KyselyWorkItemRepository(db, dialect, clock),
    channelRoutes: new KyselyChannelRouteRepository(db, clock),
    channelBoards: new KyselyChannelBoardRepository(db, clock),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}
