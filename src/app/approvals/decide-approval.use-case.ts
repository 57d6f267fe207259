import { DateTime, Duration } from 'luxon';
import { DomainError, ErrorCodes, isDomainError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { PimApprovals, PimRequests } from '../../ports/pim-gateway';
import type { TrackedRequest, TrackedRequestRepository } from '../../ports/stores';
import type { Actor } from '../shared/actor';
import {
  approvalView,
  readApprovalRecord,
  withApprovalRecord,
  type ApprovalRecord,
  type ApprovalView,
} from './approval-record';
import { approvalStateOf } from './approval-state';
import type { RequestStatusChangedUseCase } from './request-status-changed.use-case';
import { RequestStatuses } from '../../domain/activation/request-status';

export type ApprovalVerdict = 'Approve' | 'Deny';

export interface DecideApprovalInput {
  actor: Actor;
  requestId: string;
  decision: ApprovalVerdict;
  reason?: string;
}

export type DecideApprovalResult =
  /** This approver's decision is the one PIM recorded. */
  | { kind: 'decided'; view: ApprovalView }
  /** Someone (or something: expiry, cancellation) closed it first; the view says who and how. */
  | { kind: 'alreadyClosed'; view: ApprovalView };

/** PIM's limit for an approver's justification. */
export const MAX_REASON_LENGTH = 500;
/** How long one approver's claim keeps others from sending a decision. */
const CLAIM_LEASE = Duration.fromObject({ minutes: 2 });
/**
 * How long a second approver waits for the first one's decision to land. Teams waits about 15 s
 * for an invoke response; this leaves room for rendering and the round trip.
 */
const WAIT_FOR_OTHER_MS = 8_000;
/** How often a waiting approver looks whether the other decision landed. */
const LOOK_EVERY_MS = 200;

/**
 * An approver approves or denies a request from a card. Checked locally first, with nothing sent
 * to Graph when it fails: the requester cannot approve their own request, only the policy's
 * approvers can decide, and a reason is required when the policy says so. Then one approver at a
 * time claims the request (compare-and-swap on the tracked request), so double clicks and two
 * approvers at once end in exactly one decision; the decision is sent with the approver's own
 * delegated token (GET the approval, PATCH the in-progress step). A 409 from PIM means someone
 * decided first (for example in the portal): the result says who.
 */
export class DecideApprovalUseCase {
  constructor(
    private readonly deps: {
      pim: PimApprovals & PimRequests;
      trackedRequests: TrackedRequestRepository;
      statusChanged: RequestStatusChangedUseCase;
      clock: Clock;
      /** Milliseconds a second approver waits for a running decision; tests shorten it. */
      waitForOtherMs?: number;
    },
  ) {}

  async execute(input: DecideApprovalInput): Promise<DecideApprovalResult> {
    const { tracked, record } = await this.load(input.requestId);
    const view = approvalView(tracked, record);
    if (view.state !== 'pending') return { kind: 'alreadyClosed', view };
    this.check(input, tracked, record);

    const claimed = await this.claim(input, tracked.id);
    if (!claimed) return this.waitForOther(input.requestId);
    return this.send(input, claimed);
  }

  /** Current view of a tracked approval (for refreshing a card), or undefined when unknown. */
  async current(requestId: string): Promise<ApprovalView | undefined> {
    const tracked = await this.deps.trackedRequests.get(requestId);
    const record = tracked && readApprovalRecord(tracked);
    return tracked && record ? approvalView(tracked, record) : undefined;
  }

  private async load(requestId: string): Promise<{ tracked: TrackedRequest; record: ApprovalRecord }> {
    const tracked = await this.deps.trackedRequests.get(requestId);
    const record = tracked && readApprovalRecord(tracked);
    if (!tracked || !record) {
      throw new DomainError(ErrorCodes.ApprovalNotFound, 'Elevate has no approval request with that id.', {
        remedy: 'Say "approvals" to see the requests waiting for you.',
        details: { requestId },
      });
    }
    return { tracked, record };
  }

  private check(input: DecideApprovalInput, tracked: TrackedRequest, record: ApprovalRecord): void {
    const { actor } = input;
    if (actor.userId === tracked.principalId) {
      throw new DomainError(
        ErrorCodes.SelfApprovalForbidden,
        'You cannot approve or deny your own request.',
        {
          remedy: 'Another approver has to decide it; you can cancel it with "cancel".',
          details: { requestId: tracked.id },
        },
      );
    }
    // An empty approver list means PIM's default approvers (Privileged Role / Global Administrators):
    // Elevate cannot list them, so PIM itself checks (GET approval, assignedToMe) before any PATCH.
    if (record.approvers.length > 0 && !record.approvers.some((a) => a.id === actor.userId)) {
      const names = record.approvers.map((a) => a.displayName).join(', ');
      throw new DomainError(ErrorCodes.NotAnApprover, 'You are not an approver for this request.', {
        remedy: `Only the approvers in the role's policy can decide it: ${names}.`,
        details: { requestId: tracked.id },
      });
    }
    const reason = input.reason?.trim() ?? '';
    if (record.reasonRequired && reason === '') {
      throw new DomainError(
        ErrorCodes.ApproverReasonRequired,
        `PIM requires a reason to ${input.decision === 'Approve' ? 'approve' : 'deny'} this request.`,
        {
          remedy: `Type a reason (up to ${MAX_REASON_LENGTH} characters) in the Reason box, then press ${input.decision} again.`,
          details: { requestId: tracked.id },
        },
      );
    }
    if (reason.length > MAX_REASON_LENGTH) {
      throw new DomainError(
        ErrorCodes.JustificationTooLong,
        `Your reason is ${reason.length} characters long; PIM accepts up to ${MAX_REASON_LENGTH}.`,
        { remedy: 'Shorten the reason and press the button again.', details: { requestId: tracked.id } },
      );
    }
  }

  /** Claims the request for this approver; undefined when another decision is under way. */
  private async claim(input: DecideApprovalInput, requestId: string): Promise<TrackedRequest | undefined> {
    const now = this.deps.clock.now();
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const { tracked, record } = await this.load(requestId);
      if (approvalView(tracked, record).state !== 'pending') return undefined;
      const live = record.claim && record.claim.until > now.toUTC().toISO()!;
      if (live) return undefined;
      const claimed: ApprovalRecord = {
        ...record,
        claim: { userId: input.actor.userId, until: now.plus(CLAIM_LEASE).toUTC().toISO()! },
      };
      const data = withApprovalRecord(tracked.data, claimed);
      if (await this.deps.trackedRequests.compareAndSwap(tracked.id, tracked.version, { data })) {
        return { ...tracked, data, version: tracked.version + 1 };
      }
    }
    return undefined;
  }

  private async release(requestId: string, userId: string): Promise<void> {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const tracked = await this.deps.trackedRequests.get(requestId);
      const record = tracked && readApprovalRecord(tracked);
      if (!tracked || !record || record.claim?.userId !== userId) return;
      const data = withApprovalRecord(tracked.data, { ...record, claim: undefined });
      if (await this.deps.trackedRequests.compareAndSwap(tracked.id, tracked.version, { data })) return;
    }
  }

  private async send(input: DecideApprovalInput, tracked: TrackedRequest): Promise<DecideApprovalResult> {
    const reason = input.reason?.trim() ?? '';
    try {
      await this.deps.pim.decideApproval(input.actor.delegated, {
        kind: tracked.kind,
        approvalId: tracked.id,
        decision: input.decision,
        justification: reason,
      });
    } catch (error) {
      await this.release(tracked.id, input.actor.userId);
      if (isDomainError(error, ErrorCodes.ApprovalAlreadyDecided))
        return this.decidedElsewhere(tracked, error);
      if (isDomainError(error, ErrorCodes.ApprovalNotFound)) return this.closedElsewhere(tracked, error);
      throw error;
    }
    const status = await this.statusAfter(tracked, input.decision);
    const { view } = await this.deps.statusChanged.apply({
      requestId: tracked.id,
      status,
      decidedByName: input.actor.displayName,
      decidedById: input.actor.userId,
      reason,
      at: this.deps.clock.now(),
    });
    // Audited once, where the request closes (RequestStatusChangedUseCase), with approver and reason.
    return {
      kind: 'decided',
      view: view ?? (await this.load(tracked.id).then((l) => approvalView(l.tracked, l.record))),
    };
  }

  /** The request's status after our decision, as PIM reports it (app-only read). */
  private async statusAfter(tracked: TrackedRequest, decision: ApprovalVerdict): Promise<string> {
    const fallback = decision === 'Approve' ? RequestStatuses.Granted : RequestStatuses.Denied;
    const request = await this.deps.pim
      .getRequest({ kind: tracked.kind, requestId: tracked.id })
      .catch(() => undefined);
    // Use PIM's own spelling when it agrees with the decision (Provisioned, Granted for a later start);
    // a read that lags behind (still PendingApproval) gives the decision's own status.
    const status = request?.status;
    const expected = decision === 'Approve' ? 'approved' : 'denied';
    return status && approvalStateOf(status) === expected ? status : fallback;
  }

  private async decidedElsewhere(tracked: TrackedRequest, error: DomainError): Promise<DecideApprovalResult> {
    const result = String(error.details.reviewResult ?? '').toLowerCase();
    const reviewedAt = typeof error.details.reviewedAt === 'string' ? error.details.reviewedAt : undefined;
    const fromPim = await this.deps.pim
      .getRequest({ kind: tracked.kind, requestId: tracked.id })
      .catch(() => undefined);
    const status =
      fromPim?.status ?? (result === 'denied' ? RequestStatuses.Denied : RequestStatuses.Granted);
    const at = reviewedAt ? (this.parse(reviewedAt) ?? this.deps.clock.now()) : this.deps.clock.now();
    await this.deps.statusChanged.apply({
      requestId: tracked.id,
      status,
      decidedByName:
        typeof error.details.reviewedByName === 'string' ? error.details.reviewedByName : undefined,
      decidedById:
        typeof error.details.reviewedByUserId === 'string' ? error.details.reviewedByUserId : undefined,
      at,
    });
    const { tracked: now, record } = await this.load(tracked.id);
    return { kind: 'alreadyClosed', view: approvalView(now, record) };
  }

  private async closedElsewhere(tracked: TrackedRequest, error: DomainError): Promise<DecideApprovalResult> {
    const fromPim = await this.deps.pim
      .getRequest({ kind: tracked.kind, requestId: tracked.id })
      .catch(() => undefined);
    if (!fromPim) throw error;
    await this.deps.statusChanged.apply({
      requestId: tracked.id,
      status: fromPim.status,
      at: fromPim.completedAt ?? this.deps.clock.now(),
    });
    const { tracked: now, record } = await this.load(tracked.id);
    const view = approvalView(now, record);
    if (view.state === 'pending') throw error;
    return { kind: 'alreadyClosed', view };
  }

  /** Another approver holds the claim: wait (bounded) for their decision to land, then show it. */
  private async waitForOther(requestId: string): Promise<DecideApprovalResult> {
    // Bounded by looks, not by reading the clock: a clock that is moved (tests, the simulator's)
    // can neither end the wait early nor stretch it.
    const looks = Math.max(1, Math.ceil((this.deps.waitForOtherMs ?? WAIT_FOR_OTHER_MS) / LOOK_EVERY_MS));
    for (let look = 1; ; look += 1) {
      const { tracked, record } = await this.load(requestId);
      const view = approvalView(tracked, record);
      if (view.state !== 'pending') return { kind: 'alreadyClosed', view };
      if (look >= looks) {
        const other =
          record.approvers.find((a) => a.id === record.claim?.userId)?.displayName ?? 'Another approver';
        throw new DomainError(
          ErrorCodes.ApprovalAlreadyDecided,
          `${other} is deciding this request right now.`,
          {
            remedy: 'Their decision will show on this card in a moment; nothing else is needed from you.',
            details: { requestId },
          },
        );
      }
      await this.deps.clock.sleep(LOOK_EVERY_MS);
    }
  }

  private parse(iso: string): DateTime | undefined {
    const parsed = DateTime.fromISO(iso, { zone: 'utc' });
    return parsed.isValid ? parsed : undefined;
  }
}
