import type { Storage, StoreItems } from 'botbuilder';
import { Duration } from 'luxon';
import type { TimeSource } from '../../../ports/clock';
import type { OneTimeKeyRepository } from '../../../ports/one-time-keys';

/** How long an exchange id is remembered; Teams retries within seconds. */
const REMEMBER = Duration.fromObject({ hours: 1 });

/**
 * The botbuilder `Storage` that `TeamsSSOTokenExchangeMiddleware` needs to drop duplicate
 * `signin/tokenExchange` invokes (Teams sends one per open client). The middleware only writes
 * each exchange id once and treats an "eTag conflict" as a duplicate; our one-time keys give that
 * across every instance sharing the database.
 */
export class SsoDedupeStorage implements Storage {
  constructor(
    private readonly keys: OneTimeKeyRepository,
    private readonly clock: TimeSource,
  ) {}

  async read(): Promise<StoreItems> {
    return {};
  }

  async write(changes: StoreItems): Promise<void> {
    const expiresAt = this.clock.now().plus(REMEMBER);
    for (const key of Object.keys(changes)) {
      if (!(await this.keys.consume(`sso-exchange:${key}`, expiresAt))) {
        throw new Error(`eTag conflict: the token exchange ${key} was already handled`);
      }
    }
  }

  async delete(): Promise<void> {
    // Nothing to forget early: keys expire on their own.
  }
}
