import { StoreAuditLog } from '../../../src/adapters/audit/store-audit-log';
import { DateTime } from 'luxon';
import { DecideApprovalUseCase } from '../../../src/app/approvals/decide-approval.use-case';
import { RequestStatusChangedUseCase } from '../../../src/app/approvals/request-status-changed.use-case';
import type { Actor } from '../../../src/app/shared/actor';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';
import type { ApprovalDecision, PimGateway, PimRequest } from '../../../src/ports/pim-gateway';
import type { Store } from '../../../src/ports/stores';
import { memoryStore, people, RecordingMessenger, silentLog, TestClock, trackPending } from './fakes';

/** The part of PimGateway a decision uses, recording every call. */
class FakePim {
  decisions: { approverId: string; decision: ApprovalDecision }[] = [];
  statusAfter = 'Provisioned';
  failWith?: DomainError;
  /** Resolves the next decideApproval only when released (to hold a decision in flight). */
  gate?: Promise<void>;

  async decideApproval(approver: { userId: string }, decision: ApprovalDecision): Promise<void> {
    this.decisions.push({ approverId: approver.userId, decision });
    if (this.gate) await this.gate;
    if (this.failWith) throw this.failWith;
  }
  async getRequest(ref: { requestId: string }): Promise<PimRequest> {
    return { id: ref.requestId, status: this.statusAfter } as PimRequest;
  }
}

function actorFor(person: { id: string; displayName: string }): Actor {
  return {
    tenantId: 't',
    userId: person.id,
    displayName: person.displayName,
    timeZone: 'Europe/Berlin',
    delegated: { userId: person.id, accessToken: async () => 'token' },
  };
}

describe('DecideApprovalUseCase', () => {
  let clock: TestClock;
  let store: Store;
  let pim: FakePim;
  let messenger: RecordingMessenger;
  let useCase: DecideApprovalUseCase;

  beforeEach(async () => {
    clock = new TestClock();
    store = await memoryStore(clock);
    pim = new FakePim();
    messenger = new RecordingMessenger();
    const statusChanged = new RequestStatusChangedUseCase({
      trackedRequests: store.trackedRequests,
      messenger,
      audit: new StoreAuditLog({ audit: store.audit, clock }),
      clock,
      log: silentLog,
    });
    useCase = new DecideApprovalUseCase({
      pim: pim as unknown as PimGateway,
      trackedRequests: store.trackedRequests,
      statusChanged,
      // The waiting approver sleeps in real time here, as the other decision lands in real time.
      clock: { now: () => clock.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
      waitForOtherMs: 2_000,
    });
  });
  afterEach(() => store.close());

  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  it('approves with the approver’s reason, records the outcome and tells everyone once', async () => {
    const id = await trackPending(store, clock, { approvers: [people.dana] });
    const result = await useCase.execute({
      actor: actorFor(people.dana),
      requestId: id,
      decision: 'Approve',
      reason: ' ok ',
    });
    expect(result.kind).toBe('decided');
    expect(result.view.state).toBe('approved');
    expect(result.view.decision).toMatchObject({
      byName: 'Dana Schmidt',
      byId: people.dana.id,
      reason: 'ok',
    });
    expect(pim.decisions).toEqual([
      {
        approverId: people.dana.id,
        decision: { kind: 'directoryRole', approvalId: id, decision: 'Approve', justification: 'ok' },
      },
    ]);
    expect((await store.trackedRequests.get(id))?.status).toBe('Provisioned');
    expect(messenger.updates).toHaveLength(1);
    expect(messenger.told).toHaveLength(1);
    const audit = await store.audit.list({ limit: 5 });
    // The decision is audited once, with the approver and the reason.
    expect(audit.map((a) => `${a.action} ${a.outcome}`)).toEqual(['approval.decided approved']);
    expect(audit[0]).toMatchObject({ requestId: id, reason: 'ok', principalId: expect.any(String) });
    expect(audit[0].actorId).not.toBe(audit[0].principalId);
  });

  it('refuses self-approval, non-approvers and a missing or too long reason without calling PIM', async () => {
    const id = await trackPending(store, clock, { approvers: [people.dana, people.jordan] });
    const self = await refusal(
      useCase.execute({ actor: actorFor(people.jordan), requestId: id, decision: 'Approve', reason: 'x' }),
    );
    expect(self.code).toBe(ErrorCodes.SelfApprovalForbidden);
    const outsider = await refusal(
      useCase.execute({ actor: actorFor(people.sam), requestId: id, decision: 'Deny', reason: 'x' }),
    );
    expect(outsider.code).toBe(ErrorCodes.NotAnApprover);
    expect(outsider.remedy).toContain('Dana Schmidt');
    const missing = await refusal(
      useCase.execute({ actor: actorFor(people.dana), requestId: id, decision: 'Deny', reason: '   ' }),
    );
    expect(missing.code).toBe(ErrorCodes.ApproverReasonRequired);
    expect(missing.message).toBe('PIM requires a reason to deny this request.');
    const long = await refusal(
      useCase.execute({
        actor: actorFor(people.dana),
        requestId: id,
        decision: 'Approve',
        reason: 'x'.repeat(501),
      }),
    );
    expect(long.code).toBe(ErrorCodes.JustificationTooLong);
    expect(long.message).toContain('501 characters');
    expect(pim.decisions).toHaveLength(0);
  });

  it('lets a decision without a reason through when the policy does not ask for one', async () => {
    const id = await trackPending(store, clock, { reasonRequired: false });
    const result = await useCase.execute({
      actor: actorFor(people.dana),
      requestId: id,
      decision: 'Approve',
    });
    expect(result.kind).toBe('decided');
    expect(pim.decisions[0].decision.justification).toBe('');
  });

  it('two approvers at once: one PATCH; the other waits and sees who decided first', async () => {
    const id = await trackPending(store, clock, { approvers: [people.dana, people.morgan] });
    let release = () => undefined as void;
    pim.gate = new Promise<void>((resolve) => (release = resolve));
    const first = useCase.execute({
      actor: actorFor(people.dana),
      requestId: id,
      decision: 'Approve',
      reason: 'a',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = useCase.execute({
      actor: actorFor(people.morgan),
      requestId: id,
      decision: 'Deny',
      reason: 'b',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(pim.decisions).toHaveLength(1);
    expect(a.kind).toBe('decided');
    expect(b).toMatchObject({
      kind: 'alreadyClosed',
      view: { state: 'approved', decision: { byName: 'Dana Schmidt' } },
    });
  });

  it('a 409 from PIM records who decided first (from the error details) and is not an error for the clicker', async () => {
    const id = await trackPending(store, clock, { approvers: [people.dana, people.morgan] });
    pim.statusAfter = 'Denied';
    pim.failWith = new DomainError(
      ErrorCodes.ApprovalAlreadyDecided,
      'Another approver has already decided this request.',
      {
        details: {
          reviewResult: 'Denied',
          reviewedByName: 'Morgan Yu',
          reviewedByUserId: people.morgan.id,
          reviewedAt: clock.now().minus({ minutes: 1 }).toISO(),
        },
      },
    );
    const result = await useCase.execute({
      actor: actorFor(people.dana),
      requestId: id,
      decision: 'Approve',
      reason: 'ok',
    });
    expect(result.kind).toBe('alreadyClosed');
    expect(result.view.state).toBe('denied');
    expect(result.view.decision?.byName).toBe('Morgan Yu');
    expect(result.view.decision?.at.toISO()).toBe(clock.now().minus({ minutes: 1 }).toISO());
    expect(messenger.updates.map((v) => v.state)).toEqual(['denied']);
    // The claim was released: the record carries no claim any more.
    expect(
      ((await store.trackedRequests.get(id))?.data.approval as { claim?: unknown }).claim,
    ).toBeUndefined();
  });

  it('other PIM failures release the claim so another approver can still decide', async () => {
    const id = await trackPending(store, clock, { approvers: [people.dana, people.morgan] });
    pim.failWith = new DomainError(ErrorCodes.StepUpRequired, 'PIM wants MFA.');
    const error = await refusal(
      useCase.execute({ actor: actorFor(people.dana), requestId: id, decision: 'Approve', reason: 'a' }),
    );
    expect(error.code).toBe(ErrorCodes.StepUpRequired);
    pim.failWith = undefined;
    const result = await useCase.execute({
      actor: actorFor(people.morgan),
      requestId: id,
      decision: 'Approve',
      reason: 'b',
    });
    expect(result.kind).toBe('decided');
  });

  it('a closed request shows its state and sends nothing; an unknown one is a clear error', async () => {
    const id = await trackPending(store, clock);
    await useCase.execute({ actor: actorFor(people.dana), requestId: id, decision: 'Deny', reason: 'no' });
    const again = await useCase.execute({
      actor: actorFor(people.dana),
      requestId: id,
      decision: 'Approve',
      reason: 'yes',
    });
    expect(again).toMatchObject({ kind: 'alreadyClosed', view: { state: 'denied' } });
    expect(pim.decisions).toHaveLength(1);
    const unknown = await refusal(
      useCase.execute({ actor: actorFor(people.dana), requestId: 'nope', decision: 'Approve' }),
    );
    expect(unknown.code).toBe(ErrorCodes.ApprovalNotFound);
    expect(DateTime.isDateTime(clock.now())).toBe(true);
  });
});
