import { DateTime } from 'luxon';
import type { NamedPerson } from '../../../src/app/activation/activation-outcome';
import type { ApprovalLog, ApprovalMessenger } from '../../../src/app/approvals/approval-messenger';
import type { ApprovalView } from '../../../src/app/approvals/approval-record';
import { createStore } from '../../../src/adapters/store/create-store';
import type { Store } from '../../../src/ports/stores';

export class TestClock {
  constructor(public current: DateTime = DateTime.fromISO('2026-11-22T13:00:00Z', { zone: 'utc' })) {}
  now(): DateTime {
    return this.current;
  }
  async sleep(ms: number): Promise<void> {
    this.current = this.current.plus({ milliseconds: ms });
    await Promise.resolve();
  }
  advance(minutes: number): void {
    this.current = this.current.plus({ minutes });
  }
}

/** Records what the use cases asked the messenger to do. */
export class RecordingMessenger implements ApprovalMessenger {
  sentTo: { view: ApprovalView; approver: NamedPerson }[] = [];
  channel: ApprovalView[] = [];
  /** The conversation of each channel copy, in order. */
  channelIds: string[] = [];
  updates: ApprovalView[] = [];
  told: ApprovalView[] = [];
  unreachable: { view: ApprovalView; people: NamedPerson[] }[] = [];
  notInstalled = new Set<string>();
  channelConfigured = false;

  async sendToApprover(view: ApprovalView, approver: NamedPerson): Promise<boolean> {
    if (this.notInstalled.has(approver.id)) return false;
    this.sentTo.push({ view, approver });
    return true;
  }
  async sendToChannel(view: ApprovalView, conversationId: string): Promise<boolean> {
    if (!this.channelConfigured) return false;
    this.channel.push(view);
    this.channelIds.push(conversationId);
    return true;
  }
  async updateAllCopies(view: ApprovalView): Promise<void> {
    this.updates.push(view);
  }
  async tellRequester(view: ApprovalView): Promise<void> {
    this.told.push(view);
  }
  async reportUnreachable(view: ApprovalView, unreachable: NamedPerson[]): Promise<void> {
    this.unreachable.push({ view, people: unreachable });
  }
}

export const silentLog: ApprovalLog = { warn: () => undefined, info: () => undefined };

export async function memoryStore(clock: TestClock): Promise<Store> {
  return createStore({ sqlitePath: ':memory:', clock });
}

export const people = {
  jordan: { id: '71540657-3504-4eeb-9cb7-331ba3ce4ec3', displayName: 'Jordan Lee' },
  dana: { id: '0d8b9967-e192-4fc1-b1a9-af3904e16f7a', displayName: 'Dana Schmidt' },
  sam: { id: 'edb50e23-b92e-48be-aef2-d6bc5ddbf71b', displayName: 'Sam Okafor' },
  morgan: { id: '16802afd-c33e-4e78-a261-b161508ed37e', displayName: 'Morgan Yu' },
};

/** A tracked PendingApproval request as activation + RequestApprovalUseCase leave it. */
export async function trackPending(
  store: Store,
  clock: TestClock,
  options: { id?: string; approvers?: NamedPerson[]; reasonRequired?: boolean } = {},
): Promise<string> {
  const id = options.id ?? 'req-1';
  await store.trackedRequests.insertIfAbsent({
    id,
    kind: 'directoryRole',
    principalId: people.jordan.id,
    roleId: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
    roleName: 'User Administrator',
    directoryScopeId: '/',
    status: 'PendingApproval',
    data: {
      scopeName: 'Whole directory',
      justification: 'reset a password for INC-7',
      ticket: 'INC-7',
      startAt: null,
      endAt: null,
      requesterName: people.jordan.displayName,
      approval: {
        approvers: options.approvers ?? [people.dana],
        reasonRequired: options.reasonRequired ?? true,
        duration: 'PT2H',
        requestedAt: clock.now().toISO(),
      },
    },
  });
  return id;
}
