import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { isDomainError } from '../../src/domain/errors';
import type { Store } from '../../src/ports/stores';
import type { StoreBackend, TestDatabase } from './store-backends';
import type { TestClock } from './test-clock';

/** What every part of the contract suite gets: the backend, a shared database and store, the clock. */
export interface ContractContext {
  backend: StoreBackend;
  clock: TestClock;
  /** The database shared by the repository tests (each test uses its own ids). */
  database(): TestDatabase;
  /** A store on `database()`, using `clock`. */
  store(): Store;
}

/** A unique id, so tests sharing one database never see each other's rows. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** Asserts that `promise` rejects with an INTERNAL store-input DomainError whose message mentions every fragment. */
export async function expectStoreInputError(
  promise: Promise<unknown>,
  ...fragments: string[]
): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDomainError(error, 'INTERNAL')).toBe(true);
  for (const fragment of fragments) expect((error as Error).message).toContain(fragment);
}

/** Replaces every luxon DateTime (deeply) by its UTC ISO string, so results compare with toEqual. */
export function withIsoTimes(value: unknown): unknown {
  if (DateTime.isDateTime(value)) return value.toUTC().toISO();
  if (Array.isArray(value)) return value.map(withIsoTimes);
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIsoTimes(v)]));
  }
  return value;
}
