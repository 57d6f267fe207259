import type { DelegatedUser } from '../../ports/token-provider';

/**
 * The person a use case acts for. `userId` always comes from the authenticated activity (and is
 * cross-checked with the token), never from card data.
 */
export interface Actor {
  tenantId: string;
  userId: string;
  displayName: string;
  /** IANA time zone for showing times; 'UTC' when unknown. */
  timeZone: string;
  /** Source of the actor's delegated Graph token. */
  delegated: DelegatedUser;
}
