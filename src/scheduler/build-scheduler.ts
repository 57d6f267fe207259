import { Duration } from 'luxon';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ApproverResolver } from '../app/activation/approver-resolver';
import { AnnounceHandler } from '../app/channels/announce.handler';
import { BoardRefreshHandler } from '../app/channels/board-refresh.handler';
import { WhoHoldsWhatUseCase } from '../app/channels/who-holds-what.use-case';
import { StepUpExpiryHandler } from '../app/audit/step-up-expiry';
import { ActivationObservedHandler } from '../app/reconcile/activation-observed.handler';
import { ReconcileUseCase } from '../app/reconcile/reconcile.use-case';
import { RequestStatusHandler } from '../app/reconcile/request-status.handler';
import type { RequestStatusListener } from '../app/reconcile/request-status-listener';
import { DispatchDueWorkUseCase, type WorkObserver } from '../app/reminders/dispatch-due-work.use-case';
import { ActivationEndedHandler } from '../app/reminders/handlers/activation-ended.handler';
import { EligibilityEndingHandler } from '../app/reminders/handlers/eligibility-ending.handler';
import { ExpiryReminderHandler } from '../app/reminders/handlers/expiry-reminder.handler';
import { ReminderLead } from '../app/reminders/reminder-lead';
import type { AdminSettings } from '../app/settings/admin-settings';
import type { ReminderNotifier } from '../app/reminders/reminder-notifier';
import type { WorkHandler } from '../app/reminders/work-handler';
import { WorkKinds } from '../app/reminders/work-items';
import type { AppConfig } from '../config/config';
import type { Logger } from '../adapters/observability/logger';
import type { CardActionSigner } from '../adapters/teams/card-actions/card-action-signer';
import type { ProactiveMessenger } from '../adapters/teams/proactive/proactive-messenger';
import { RoleLabels } from '../adapters/teams/reminders/role-labels';
import { TeamsReminderNotifier } from '../adapters/teams/reminders/teams-reminder-notifier';
import type { Clock } from '../ports/clock';
import type { Directory } from '../ports/directory';
import type { PimGateway } from '../ports/pim-gateway';
import type { Store } from '../ports/stores';
import type { AuditLog } from '../ports/audit-log';
import { ReconcileScheduler } from './reconcile-scheduler';

export interface SchedulerDeps {
  config: AppConfig;
  store: Store;
  /** Its tenant-wide reads use the app-only token. */
  pim: PimGateway;
  directory: Directory;
  messenger: ProactiveMessenger;
  signer: CardActionSigner;
  approvers: ApproverResolver;
  clock: Clock;
  logger: Logger;
  tenantId: string;
  /** The approvals use case told about requests decided outside Elevate. */
  requestStatusListener?: RequestStatusListener;
  /** Replaces the Teams notifier (tests). */
  notifier?: ReminderNotifier;
  /** Lease owner name; default host:pid:random. */
  owner?: string;
  /** The audit trail (expiries, decisions and activations seen outside Elevate). */
  auditLog: AuditLog;
  /** Reminder metrics (due / sent / late). */
  workObserver?: WorkObserver;
  /** The admins' settings (the default reminder lead); REMINDER_LEAD_MINUTES when absent. */
  adminSettings?: Pick<AdminSettings, 'current'>;
}

/** Wires the reconciler loop: reconcile pass, work handlers, leased dispatcher, Teams notifier. */
export function buildScheduler(deps: SchedulerDeps): ReconcileScheduler {
  const { config, store, pim, clock, logger, tenantId } = deps;
  const log = logger.child({ component: 'scheduler' });
  const settings = deps.adminSettings;
  const reminderLead = new ReminderLead(
    store.users,
    settings
      ? async () => Duration.fromObject({ minutes: (await settings.current()).reminderLeadMinutes })
      : config.reminderLead,
  );
  const notifier =
    deps.notifier ??
    new TeamsReminderNotifier({
      store,
      messenger: deps.messenger,
      signer: deps.signer,
      pim,
      approvers: deps.approvers,
      labels: new RoleLabels(pim, deps.directory),
      directory: deps.directory,
      who: new WhoHoldsWhatUseCase({
        pim,
        directory: deps.directory,
        trackedRequests: store.trackedRequests,
        clock,
      }),
      clock,
      tenantId,
    });
  const recheckEvery = config.reconcileInterval;
  const handlers = new Map<string, WorkHandler>([
    [WorkKinds.expiryReminder, new ExpiryReminderHandler({ notifier, reminderLead, clock, tenantId })],
    [
      WorkKinds.activationEnded,
      new ActivationEndedHandler({
        notifier,
        audit: deps.auditLog,
        trackedRequests: store.trackedRequests,
        pim,
        directory: deps.directory,
        clock,
        recheckEvery,
      }),
    ],
    [WorkKinds.board, new BoardRefreshHandler({ notifier })],
    [
      WorkKinds.announce,
      new AnnounceHandler({
        trackedRequests: store.trackedRequests,
        pim,
        directory: deps.directory,
        notifier,
        clock,
      }),
    ],
    [
      WorkKinds.activationObserved,
      new ActivationObservedHandler({
        audit: deps.auditLog,
        trackedRequests: store.trackedRequests,
        pim,
        directory: deps.directory,
      }),
    ],
    [
      WorkKinds.stepUpExpiry,
      new StepUpExpiryHandler({ audit: deps.auditLog, oneTimeKeys: store.oneTimeKeys, clock }),
    ],
    [WorkKinds.eligibilityEnding, new EligibilityEndingHandler({ notifier, clock })],
    [
      WorkKinds.requestStatus,
      new RequestStatusHandler({
        trackedRequests: store.trackedRequests,
        pim,
        notifier,
        clock,
        listener: deps.requestStatusListener,
      }),
    ],
  ]);
  const reconcile = new ReconcileUseCase({
    pim,
    workItems: store.workItems,
    trackedRequests: store.trackedRequests,
    reminderLead,
    clock,
    tenantId,
    recheckEvery,
    log,
    channelRoutes: store.channelRoutes,
    directory: deps.directory,
  });
  const dispatch = new DispatchDueWorkUseCase({
    workItems: store.workItems,
    clock,
    owner: deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    lease: config.workLease,
    concurrency: config.sendConcurrency,
    handlers,
    log,
    observer: deps.workObserver,
  });
  return new ReconcileScheduler({
    reconcile,
    dispatch,
    interval: config.reconcileInterval,
    log,
    duringSweep: [WorkKinds.expiryReminder],
  });
}
