import type { Store } from '../../src/ports/stores';
import { auditContract } from './audit.contract';
import { cardCopiesContract } from './card-copies.contract';
import { compositeCardsContract } from './composite-cards.contract';
import { channelRoutesContract } from './channel-routes.contract';
import type { ContractContext } from './contract-context';
import { conversationsContract } from './conversations.contract';
import { createStoreOptionsContract, migrationsContract } from './migrations.contract';
import { availableBackends, type StoreBackend, type TestDatabase } from './store-backends';
import { TestClock } from './test-clock';
import { oneTimeKeysContract } from './one-time-keys.contract';
import { tokenCacheContract } from './token-cache.contract';
import { trackedRequestsContract } from './tracked-requests.contract';
import { settingsContract } from './settings.contract';
import { usersContract } from './users.contract';
import { workItemsContract } from './work-items.contract';

/**
 * The storage contract: one suite body, run against SQLite always and against PostgreSQL when
 * TEST_DATABASE_URL is set (each run in fresh schemas that are dropped afterwards).
 */
describe.each(availableBackends())('store contract on %s', (_name, makeBackend) => {
  const backend: StoreBackend = makeBackend();
  const clock = new TestClock();
  let database: TestDatabase | undefined;
  let store: Store | undefined;

  beforeAll(async () => {
    database = await backend.freshDatabase();
    store = await database.open(clock);
  });
  afterAll(() => backend.cleanup());

  const ctx: ContractContext = {
    backend,
    clock,
    database: () => database ?? fail('database not opened'),
    store: () => store ?? fail('store not opened'),
  };

  conversationsContract(ctx);
  usersContract(ctx);
  auditContract(ctx);
  settingsContract(ctx);
  tokenCacheContract(ctx);
  oneTimeKeysContract(ctx);
  cardCopiesContract(ctx);
  compositeCardsContract(ctx);
  trackedRequestsContract(ctx);
  workItemsContract(ctx);
  channelRoutesContract(ctx);
  migrationsContract(ctx);
});

createStoreOptionsContract();

function fail(message: string): never {
  throw new Error(message);
}
