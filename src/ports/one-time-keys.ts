import type { DateTime } from 'luxon';

/**
 * Keys that may be used once across all instances (step-up states, card action nonces).
 * `consume` is an insert-if-absent: true for the first caller, false for every later one.
 */
export interface OneTimeKeyRepository {
  consume(key: string, expiresAt: DateTime): Promise<boolean>;
  /**
   * Gives a consumed key back (the work it guarded failed before it took effect), so the next
   * attempt can consume it again.
   */
  release(key: string): Promise<void>;
  /** True when `key` was consumed and has not expired yet. A look only: it consumes nothing. */
  isUsed(key: string): Promise<boolean>;
}
