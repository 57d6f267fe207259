import { DateTime } from 'luxon';
import { utcFromMillis } from '../../domain/schedule/utc-instant';
import type { ActiveAssignment } from '../../ports/pim-gateway';

/**
 * The activated instances one reconcile pass listed, kept compact: each instance as a 53-bit hash of
 * its id and one of its person + role + scope, in sorted typed arrays (24 bytes an instance), so a
 * tenant with a million activations costs about 24 MB instead of a map of objects.
 *
 * A lookup answers wrongly only when an absent key's hash equals a present one's: with n instances
 * that is n / 2^53 per lookup (about 1 in 9 billion at a million), and the cost of that rare
 * mistake is bounded: the ended-activation check is retried on the next pass.
 */
export interface ActivationIndex {
  readonly size: number;
  has(instanceId: string): boolean;
  /** The latest end of an instance of this role for this person at this scope; null when none; undefined end = no end. */
  liveEndOf(target: {
    principalId: string;
    roleId: string;
    directoryScopeId: string;
  }): { endAt?: DateTime } | null;
  /** Changes whenever the set of instances or one of their ends changes (order-independent). */
  readonly fingerprint: string;
}

const NO_END = Number.POSITIVE_INFINITY;
const TWO_TO_32 = 2 ** 32;

/** Collects instances page by page; `build()` sorts once. */
export class ActivationIndexBuilder {
  private ids = new Float64Array(1024);
  private targets = new Float64Array(1024);
  private ends = new Float64Array(1024);
  private count = 0;
  private sum = 0;
  private xor = 0;

  add(item: ActiveAssignment): void {
    if (this.count === this.ids.length) this.grow();
    const end = item.endDateTime?.toMillis() ?? NO_END;
    const id = hash53(item.instanceId);
    this.ids[this.count] = id;
    this.targets[this.count] = hash53(targetKey(item));
    this.ends[this.count] = end;
    this.count += 1;
    const mark = hash53(`${item.instanceId}@${end}`);
    this.sum = (this.sum + (mark % TWO_TO_32)) % TWO_TO_32;
    this.xor = (this.xor ^ Math.floor(mark / TWO_TO_32)) >>> 0;
  }

  build(): ActivationIndex {
    const n = this.count;
    const ids = this.ids.slice(0, n).sort();
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.targets[a] - this.targets[b]);
    const targets = new Float64Array(n);
    const ends = new Float64Array(n);
    order.forEach((from, to) => {
      targets[to] = this.targets[from];
      ends[to] = this.ends[from];
    });
    const fingerprint = `${n}.${this.sum.toString(36)}.${this.xor.toString(36)}`;
    return {
      size: n,
      fingerprint,
      has: (instanceId) => {
        const key = hash53(instanceId);
        return ids[lowerBound(ids, key)] === key;
      },
      liveEndOf: (target) => {
        const key = hash53(targetKey(target));
        let at = lowerBound(targets, key);
        if (at >= n || targets[at] !== key) return null;
        let latest = ends[at];
        for (at += 1; at < n && targets[at] === key; at += 1) latest = Math.max(latest, ends[at]);
        return latest === NO_END ? {} : { endAt: utcFromMillis(latest) };
      },
    };
  }

  private grow(): void {
    const size = this.ids.length * 2;
    for (const name of ['ids', 'targets', 'ends'] as const) {
      const bigger = new Float64Array(size);
      bigger.set(this[name]);
      this[name] = bigger;
    }
  }
}

function targetKey(t: { principalId: string; roleId: string; directoryScopeId: string }): string {
  return `${t.principalId}|${t.roleId}|${t.directoryScopeId}`;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * cyrb53 (bryc, public domain): a fast 53-bit string hash. Hand-written because the sweep hashes
 * millions of short strings, and a node:crypto digest object per string costs several times more.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
