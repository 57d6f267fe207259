import { DateTime, Duration } from 'luxon';
import { type ContractContext, expectStoreInputError, uniqueId } from './contract-context';

export function auditContract(ctx: ContractContext): void {
  describe('audit', () => {
    // A time window no other test writes into, so unfiltered listings see only this test's rows.
    const base = DateTime.fromISO('2091-05-01T10:00:00.000Z', { zone: 'utc' });

    it('appends entries and lists them newest first, with since (inclusive), actor and limit filters', async () => {
      const store = ctx.store();
      const ada = uniqueId('ada');
      const bob = uniqueId('bob');
      const at = (minutes: number) => base.plus({ minutes });
      // Appended out of time order on purpose: listing orders by `at`, not by insertion.
      const second = await store.audit.append({
        at: at(2),
        actorId: bob,
        action: 'approve',
        target: 'request:r1',
        outcome: 'succeeded',
        details: { reason: 'on call', nested: { ok: true } },
      });
      const first = await store.audit.append({
        at: at(1),
        actorId: ada,
        action: 'activate',
        target: 'role:Global Reader',
        outcome: 'pendingApproval',
        details: { durationIso: 'PT2H' },
      });
      const third = await store.audit.append({
        at: at(3).setZone('Asia/Tokyo'),
        actorId: ada,
        action: 'deactivate',
        target: 'role:Global Reader',
        outcome: 'failed',
        details: {},
      });
      expect(first.id).toBeGreaterThan(second.id);
      expect(third.id).toBeGreaterThan(first.id);
      expect(second).toMatchObject({
        actorId: bob,
        action: 'approve',
        details: { reason: 'on call', nested: { ok: true } },
      });

      const all = await store.audit.list({ since: base, limit: 10 });
      expect(all.map((e) => e.id)).toEqual([third.id, second.id, first.id]);
      expect(all[0].at.toISO()).toBe(at(3).toUTC().toISO());

      expect((await store.audit.list({ since: at(2), limit: 10 })).map((e) => e.id)).toEqual([
        third.id,
        second.id,
      ]);
      expect((await store.audit.list({ actorId: ada, limit: 10 })).map((e) => e.id)).toEqual([
        third.id,
        first.id,
      ]);
      expect((await store.audit.list({ actorId: ada, since: at(2), limit: 10 })).map((e) => e.id)).toEqual([
        third.id,
      ]);
      expect((await store.audit.list({ since: base, limit: 2 })).map((e) => e.id)).toEqual([
        third.id,
        second.id,
      ]);
    });

    it('orders entries with the same time by insertion, newest first', async () => {
      const store = ctx.store();
      const actorId = uniqueId('same-time');
      const at = base.plus(Duration.fromObject({ days: 3 }));
      const ids: number[] = [];
      for (const action of ['a', 'b', 'c']) {
        ids.push(
          (await store.audit.append({ at, actorId, action, target: 't', outcome: 'succeeded', details: {} }))
            .id,
        );
      }
      expect((await store.audit.list({ actorId, limit: 5 })).map((e) => e.id)).toEqual(ids.reverse());
    });

    it('has no way to change or remove entries, and the database refuses UPDATE and DELETE too', async () => {
      const store = ctx.store();
      const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(store.audit)).filter(
        (n) => n !== 'constructor',
      );
      expect(methods.sort()).toEqual(['append', 'list', 'search']);
      const entry = await store.audit.append({
        at: base,
        actorId: uniqueId('mallory'),
        action: 'activate',
        target: 'role:x',
        outcome: 'succeeded',
        details: {},
      });
      // The raw connection must see the row first, or an UPDATE of zero rows would prove nothing.
      const visible = await ctx.database().query(`select id from audit_log where id = ${entry.id}`);
      expect(visible).toHaveLength(1);
      if (ctx.backend.name === 'sqlite') {
        const triggers = await ctx.database().query(`select name from sqlite_master where type = 'trigger'`);
        expect(triggers.map((t) => t.name).sort()).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
      }
      const refusal = (statement: string) =>
        ctx
          .database()
          .query(statement)
          .then(
            () => 'accepted',
            (error: Error) => error.message,
          );
      expect(await refusal(`update audit_log set outcome = 'denied' where id = ${entry.id}`)).toMatch(
        /append-only/,
      );
      expect(await refusal(`delete from audit_log where id = ${entry.id}`)).toMatch(/append-only/);
      expect((await store.audit.list({ actorId: entry.actorId, limit: 1 }))[0].outcome).toBe('succeeded');
    });

    it('keeps the structured fields and searches by user (actor or principal), role, since and keyset', async () => {
      const store = ctx.store();
      const approver = uniqueId('approver');
      const requester = uniqueId('requester');
      const roleId = uniqueId('role');
      const at = (minutes: number) => base.plus({ days: 10, minutes });
      const fields = {
        roleId,
        roleName: 'Global Reader',
        scopeId: '/',
        scopeName: 'Directory',
        requestId: uniqueId('request'),
        justification: 'x'.repeat(5000),
        ticket: 'INC-1',
        conversationId: 'a:personal',
        clientRequestId: '11111111-2222-4333-8444-555555555555',
      };
      const requested = await store.audit.append({
        at: at(1),
        actorId: requester,
        actorName: 'Rita Requester',
        principalId: requester,
        action: 'activation.requested',
        target: 'Global Reader @ Directory',
        outcome: 'pending',
        details: {},
        ...fields,
      });
      const decided = await store.audit.append({
        at: at(2),
        actorId: approver,
        principalId: requester,
        action: 'approval.decided',
        target: 'Global Reader @ Directory',
        outcome: 'approved',
        reason: 'on call',
        details: {},
        ...fields,
      });
      const other = await store.audit.append({
        at: at(2),
        actorId: approver,
        action: 'settings.changed',
        target: 'setting ticketPattern',
        outcome: 'succeeded',
        details: { setting: 'ticketPattern' },
      });
      expect(requested).toMatchObject({ ...fields, justification: expect.stringMatching(/^x{1999}…$/) });
      expect(decided.reason).toBe('on call');
      expect(other.roleId).toBeUndefined();

      const ids = (entries: { id: number }[]) => entries.map((e) => e.id);
      expect(ids(await store.audit.search({ userId: requester, limit: 10 }))).toEqual([
        decided.id,
        requested.id,
      ]);
      expect(ids(await store.audit.search({ userId: approver, limit: 10 }))).toEqual([other.id, decided.id]);
      expect(ids(await store.audit.search({ roleId, limit: 10 }))).toEqual([decided.id, requested.id]);
      expect(ids(await store.audit.search({ roleId, since: at(2), limit: 10 }))).toEqual([decided.id]);
      // Keyset paging: the page after `decided` (same time, smaller id first), then after `requested`.
      const firstPage = await store.audit.search({ userId: approver, limit: 1 });
      expect(ids(firstPage)).toEqual([other.id]);
      const next = await store.audit.search({
        userId: approver,
        before: { at: firstPage[0].at, id: firstPage[0].id },
        limit: 1,
      });
      expect(ids(next)).toEqual([decided.id]);
      expect(
        await store.audit.search({ userId: approver, before: { at: next[0].at, id: next[0].id }, limit: 5 }),
      ).toEqual([]);
      // Oldest first (an export): `after` continues from the last entry read.
      const oldest = await store.audit.search({ userId: requester, order: 'oldest', limit: 1 });
      expect(ids(oldest)).toEqual([requested.id]);
      const after = { at: oldest[0].at, id: oldest[0].id };
      expect(ids(await store.audit.search({ userId: requester, order: 'oldest', after, limit: 5 }))).toEqual([
        decided.id,
      ]);
      const sameTime = { at: decided.at, id: decided.id };
      expect(
        ids(await store.audit.search({ userId: approver, order: 'oldest', after: sameTime, limit: 5 })),
      ).toEqual([other.id]);
    });

    it('refuses a bad limit, an invalid time and empty fields', async () => {
      const store = ctx.store();
      await expectStoreInputError(store.audit.list({ limit: 0 }), "'limit'", 'an integer from 1 to 1000');
      await expectStoreInputError(store.audit.list({ limit: 5000 }), 'is 5000');
      const entry = { actorId: 'a', action: 'x', target: 't', outcome: 'succeeded', details: {} };
      await expectStoreInputError(
        store.audit.append({ ...entry, at: DateTime.fromISO('nonsense') }),
        "'at'",
        'invalid DateTime',
      );
      await expectStoreInputError(store.audit.append({ ...entry, at: base, actorId: '' }), "'actorId'");
    });
  });
}
