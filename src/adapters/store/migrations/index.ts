import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../database';
import { initialSchema } from './0001-initial-schema';
import { oneTimeKeys } from './0002-one-time-keys';
import { auditFieldsAndSettings } from './0004-audit-fields-and-settings';
import { channelRoutes } from './0003-channel-routes';
import { channelRouteNames } from './0005-channel-route-names';
import { compositeCards } from './0006-composite-cards';
import { workItemsDueMinuteIndex } from './0007-work-items-due-minute-index';

/**
 * All migrations, compiled in (no folder is read at run time, so this works the same from
 * `src/` under ts-jest and from `dist/` after tsc). Names sort in the order they apply; add new
 * ones as '0002-…' and never edit one that has shipped.
 */
export function storeMigrations(dialect: StoreDialect): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-initial-schema': initialSchema(dialect),
    '0002-one-time-keys': oneTimeKeys,
    '0003-channel-routes': channelRoutes,
    '0004-audit-fields-and-settings': auditFieldsAndSettings,
    '0005-channel-route-names': channelRouteNames,
    '0006-composite-cards': compositeCards,
    '0007-work-items-due-minute-index': workItemsDueMinuteIndex,
  };
  return { getMigrations: async () => migrations };
}
