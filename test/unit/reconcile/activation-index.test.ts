import fc from 'fast-check';
import { DateTime } from 'luxon';
import { ActivationIndexBuilder, hash53 } from '../../../src/app/reconcile/activation-index';
import type { ActiveAssignment } from '../../../src/ports/pim-gateway';

const t0 = DateTime.fromISO('2026-12-03T10:00:00Z', { zone: 'utc' });
const instance = (
  id: string,
  principalId: string,
  roleId: string,
  endMinutes?: number,
): ActiveAssignment => ({
  kind: 'directoryRole',
  instanceId: id,
  principalId,
  roleId,
  directoryScopeId: '/',
  assignmentType: 'Activated',
  endDateTime: endMinutes === undefined ? undefined : t0.plus({ minutes: endMinutes }),
});

describe('ActivationIndex (the sweep keeps hashes, not objects)', () => {
  const build = (items: ActiveAssignment[]) => {
    const builder = new ActivationIndexBuilder();
    items.forEach((i) => builder.add(i));
    return builder.build();
  };

  it('answers like a map of the instances it was given (property)', () => {
    const item = fc.record({
      id: fc.integer({ min: 0, max: 300 }),
      principal: fc.integer({ min: 0, max: 5 }),
      role: fc.integer({ min: 0, max: 3 }),
      end: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 600 }), fc.integer({ min: 0, max: 300 }), (items, probe) => {
        const list = items.map((i) => instance(`i-${i.id}`, `p-${i.principal}`, `r-${i.role}`, i.end));
        const index = build(list);
        expect(index.size).toBe(list.length);
        expect(index.has(`i-${probe}`)).toBe(list.some((i) => i.instanceId === `i-${probe}`));
        for (const p of [0, 3, 5])
          for (const r of [0, 2]) {
            const same = list.filter((i) => i.principalId === `p-${p}` && i.roleId === `r-${r}`);
            const found = index.liveEndOf({ principalId: `p-${p}`, roleId: `r-${r}`, directoryScopeId: '/' });
            if (same.length === 0) expect(found).toBeNull();
            else if (same.some((i) => !i.endDateTime)) expect(found).toEqual({});
            else
              expect(found?.endAt?.toMillis()).toBe(Math.max(...same.map((i) => i.endDateTime!.toMillis())));
          }
      }),
      { numRuns: 100 },
    );
  });

  it('changes its fingerprint when an instance comes, goes or gets another end, and not with order', () => {
    const a = instance('a', 'p', 'r', 60);
    const b = instance('b', 'p', 'r', 90);
    expect(build([a, b]).fingerprint).toBe(build([b, a]).fingerprint);
    expect(build([a, b]).fingerprint).not.toBe(build([a]).fingerprint);
    expect(build([a, b]).fingerprint).not.toBe(build([a, instance('b', 'p', 'r', 91)]).fingerprint);
    expect(build([a]).fingerprint).not.toBe(build([instance('c', 'p', 'r', 60)]).fingerprint);
  });

  it('hashes to 53-bit integers that spread (no collision among 200,000 instance ids)', () => {
    const seen = new Set<number>();
    let unsafe = 0;
    for (let i = 0; i < 200_000; i += 1) {
      const h = hash53(`00000001-0000-4000-8000-${i.toString(16).padStart(12, '0')}`);
      if (!Number.isSafeInteger(h) || h < 0) unsafe += 1;
      seen.add(h);
    }
    expect(unsafe).toBe(0);
    expect(seen.size).toBe(200_000);
  });
});
