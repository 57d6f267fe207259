import { DateTime } from 'luxon';
import { KnownWork } from '../../../src/app/reconcile/known-work';
import type { NewWorkItem } from '../../../src/ports/stores';

const at = (minute: number) => DateTime.fromISO(`2026-12-04T10:${String(minute).padStart(2, '0')}:00Z`);
const ended = (id: string): NewWorkItem => ({ key: `ended:${id}`, kind: 'ended', dueAt: at(0), payload: {} });
const reminder = (id: string, minute: number): NewWorkItem => ({
  key: `reminder:${id}`,
  kind: 'reminder',
  dueAt: at(minute),
  payload: {},
});
const keys = (items: NewWorkItem[]) => items.map((i) => i.key);

describe('KnownWork', () => {
  it('passes on what it has not seen stored, in order, and holds back what it has', () => {
    const known = new KnownWork();
    known.startPass();
    const first = [ended('a'), reminder('a', 50), ended('b')];
    expect(known.unknown(first)).toEqual(first);
    known.remember(first);
    expect(known.unknown([ended('c'), ...first])).toEqual([ended('c')]);
  });

  it('passes on a reminder again only when it is due earlier than it was stored', () => {
    const known = new KnownWork();
    known.startPass();
    known.remember([reminder('a', 50)]);
    expect(keys(known.unknown([reminder('a', 50), reminder('a', 55)]))).toEqual([]);
    expect(known.unknown([reminder('a', 40)])).toEqual([reminder('a', 40)]);
    known.remember([reminder('a', 40)]);
    expect(known.unknown([reminder('a', 45)])).toEqual([]);
  });

  it('keeps what every pass meets, and forgets what a whole pass did not meet', () => {
    const known = new KnownWork();
    known.startPass();
    known.remember([ended('a'), ended('b')]);
    known.startPass();
    expect(known.unknown([ended('a')])).toEqual([]);
    known.startPass();
    expect(known.unknown([ended('a'), ended('b')])).toEqual([ended('b')]);
    expect(known.size).toBe(2); // 'a' in both generations, 'b' in neither
  });

  it('holds at most its limit a generation, sparing the first items every pass', () => {
    const known = new KnownWork(3);
    const work = ['a', 'b', 'c', 'd', 'e'].map(ended);
    for (let pass = 0; pass < 4; pass += 1) {
      known.startPass();
      const unknown = known.unknown(work);
      expect(keys(unknown)).toEqual(pass === 0 ? keys(work) : ['ended:d', 'ended:e']);
      known.remember(unknown);
      expect(known.size).toBeLessThanOrEqual(6);
    }
  });
});
