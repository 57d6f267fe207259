import { DateTime, type Duration } from 'luxon';
import { utcFromMillis } from '../../domain/schedule/utc-instant';
import type { RoleKind } from '../../domain/roles';
import type { ActiveAssignment, PimGateway } from '../../ports/pim-gateway';
import type { NewWorkItem } from '../../ports/stores';
import type { ReminderLead } from '../reminders/reminder-lead';
import {
  activationPayload,
  activationWork,
  announceActivationWork,
  iso,
  observedActivationWork,
  WorkKinds,
  type ActivationFacts,
} from '../reminders/work-items';
import type { WorkLog } from '../reminders/work-log';
import { ActivationIndexBuilder } from './activation-index';
import type { ActivationSnapshot } from './activation-snapshot';

export interface ActivationSweepDeps {
  pim: Pick<PimGateway, 'activatedAssignmentPages'>;
  reminderLead: ReminderLead;
  tenantId: string;
  recheckEvery: Duration;
  log: WorkLog;
  /** Insert-if-absent of one page's work items; returns how many were new. */
  scheduleAll(items: readonly NewWorkItem[]): Promise<number>;
}

/**
 * How long after the sweep saw an activation it is checked for having been made outside Elevate:
 * Elevate records its own requests just after PIM accepts them, so the check never races that.
 */
export const OBSERVE_AFTER_MS = 60_000;

/** Users whose reminder lead is remembered during one sweep (a bound on its memory). */
const MAX_LEADS_CACHED = 50_000;

/**
 * The reconciler's sweep over every activated instance in the tenant, one Graph page at a time:
 * each page's work items (reminder, end check, announcement) are scheduled in one batch and the page
 * is dropped, keeping only a compact index of what was seen. Memory stays flat and time linear in
 * the number of instances (a million is about 24 MB of index).
 */
export async function sweepActivations(
  deps: ActivationSweepDeps,
  now: DateTime,
  announcing: boolean,
): Promise<{ snapshot: ActivationSnapshot; scheduled: number }> {
  const index = new ActivationIndexBuilder();
  const listed = new Set<RoleKind>();
  const leads = new Map<string, Duration | null>();
  const leadFor = async (userId: string): Promise<Duration | null> => {
    const known = leads.get(userId);
    if (known !== undefined) return known;
    const lead = await deps.reminderLead.forUser(deps.tenantId, userId);
    if (leads.size >= MAX_LEADS_CACHED) leads.clear();
    leads.set(userId, lead);
    return lead;
  };
  let scheduled = 0;
  const pass = passTimes(now, deps.recheckEvery);
  // 'groupMember' lists PIM for Groups instances of both member and owner access.
  const listings: [RoleKind, RoleKind[]][] = [
    ['directoryRole', ['directoryRole']],
    ['groupMember', ['groupMember', 'groupOwner']],
  ];
  for (const [kind, covers] of listings) {
    try {
      for await (const page of deps.pim.activatedAssignmentPages(kind)) {
        const items: NewWorkItem[] = [];
        for (const instance of page) {
          if (instance.assignmentType !== 'Activated') continue;
          index.add(instance);
          const lead = await leadFor(instance.principalId);
          items.push(...workFor(instance, pass, lead, announcing));
        }
        scheduled += await deps.scheduleAll(items);
      }
      // Only a listing read to its end can prove an activation gone.
      covers.forEach((k) => listed.add(k));
    } catch (error) {
      deps.log.warn({ err: error, kind }, 'reconcile: could not list activated assignments');
    }
  }
  return { snapshot: { takenAt: now, listed, active: index.build() }, scheduled };
}

/** What every activation's work shares in one pass: its time (and that time as text) and the due times it sets. */
interface PassTimes {
  now: DateTime;
  nowText: string;
  observeAt: DateTime;
  recheckAt: DateTime;
}

function passTimes(now: DateTime, recheckEvery: Duration): PassTimes {
  return {
    now,
    nowText: iso(now),
    observeAt: utcFromMillis(now.toMillis() + OBSERVE_AFTER_MS),
    recheckAt: utcFromMillis(now.toMillis() + recheckEvery.toMillis()),
  };
}

/**
 * An activation's durable work: the expiry reminder, the end check, the once-only check of where
 * it was made (audit) and (when subscribed) the announcement.
 */
function workFor(
  instance: ActiveAssignment,
  pass: PassTimes,
  lead: Duration | null,
  announcing: boolean,
): NewWorkItem[] {
  const { now } = pass;
  const end = instance.endDateTime;
  if (!end || end <= now) return [];
  const facts: ActivationFacts = {
    kind: instance.kind,
    instanceId: instance.instanceId,
    principalId: instance.principalId,
    roleId: instance.roleId,
    directoryScopeId: instance.directoryScopeId,
    startAt: instance.startDateTime,
    endAt: end,
    observedAt: now,
  };
  const payload = activationPayload(facts, pass.nowText);
  const items: NewWorkItem[] = [];
  const start = instance.startDateTime ?? now;
  if (lead !== null) {
    // Millisecond arithmetic: luxon's Duration arithmetic costs more than the rest of the sweep's per-instance work.
    const due = utcFromMillis(end.toMillis() - lead.toMillis());
    // An activation shorter than the lead gets no reminder: it was just made for that long.
    if (due > start) items.push(activationWork(WorkKinds.expiryReminder, facts, due, payload));
  }
  if (announcing) items.push(announceActivationWork(facts, now, payload));
  items.push(observedActivationWork(facts, pass.observeAt, payload));
  const recheck = pass.recheckAt;
  items.push(activationWork(WorkKinds.activationEnded, facts, end < recheck ? end : recheck, payload));
  return items;
}
