import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime, Duration } from 'luxon';
import { createLogger } from '../src/adapters/observability/logger';
import { createStore } from '../src/adapters/store/create-store';
import { CardActionSigner } from '../src/adapters/teams/card-actions/card-action-signer';
import { createCloudAdapter } from '../src/adapters/teams/cloud-adapter.factory';
import { ProactiveMessenger } from '../src/adapters/teams/proactive/proactive-messenger';
import { StoreAuditLog } from '../src/adapters/audit/store-audit-log';
import { ApproverResolver } from '../src/app/activation/approver-resolver';
import { loadConfig } from '../src/config/config';
import type { Clock } from '../src/ports/clock';
import type { Directory } from '../src/ports/directory';
import type { ActiveAssignment, PimGateway } from '../src/ports/pim-gateway';
import { buildScheduler } from '../src/scheduler/build-scheduler';

/*
 * The reminder burst, in a process of its own: `node dist/bench/reminder-burst.js CONNECTOR RATE COUNT`.
 * COUNT users each hold an activation ending at the same time T + 10 min; the scheduler Elevate
 * runs (reconcile pass, leased dispatcher, Teams notifier, proactive messenger at RATE a second)
 * sends their reminders to CONNECTOR, which enforces RATE too. PIM is faked at the port (the
 * listing and the policy), everything after it is Elevate's own code. A first pass schedules
 * the work a day early, a second runs two minutes before T (the day's other work); then the clock
 * jumps to T, prints "due <epoch ms>" and the scheduler runs
 * a pass and keeps its normal interval (RECONCILE_INTERVAL_SECONDS, default 60).
 */
class MovableClock implements Clock {
  offsetMs = 0;
  now(): DateTime {
    // fromMillis, as Elevate's own clocks: the bench's clock should not cost what luxon's plus() does.
    return DateTime.fromMillis(Date.now() + this.offsetMs, { zone: 'utc' });
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

async function main(): Promise<void> {
  const [connector, rate, countText] = process.argv.slice(2);
  const count = Number(countText);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-burst-'));
  const config = loadConfig({
    ...process.env,
    SQLITE_PATH: path.join(dir, 'burst.sqlite'),
    PROACTIVE_SEND_RATE_PER_SECOND: rate,
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger({ level: 'warn' });
  const clock = new MovableClock();
  const store = await createStore({ sqlitePath: config.store.sqlitePath, clock, logger });
  const tenantId = 'bench-tenant';
  const dueAt = DateTime.utc().plus({ days: 1 }).startOf('minute');
  const endAt = dueAt.plus(config.reminderLead);
  const startAt = DateTime.utc().minus({ hours: 1 });
  const user = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  for (let i = 0; i < count; i += 1) {
    const userId = user(i);
    await store.conversations.upsertForUser({
      tenantId,
      userId,
      serviceUrl: connector,
      reference: {
        channelId: 'msteams',
        serviceUrl: connector,
        conversation: { id: `a:burst-${i}`, conversationType: 'personal', tenantId },
        user: { id: `29:${userId}`, aadObjectId: userId },
        bot: { id: '28:elevate-bench-bot', name: 'Elevate' },
      },
    });
  }
  const instances: ActiveAssignment[] = Array.from({ length: count }, (_, i) => ({
    kind: 'directoryRole',
    instanceId: `burst-instance-${i}`,
    principalId: user(i),
    roleId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
    directoryScopeId: '/',
    assignmentType: 'Activated',
    memberType: 'Direct',
    startDateTime: startAt,
    endDateTime: endAt,
  }));
  const pimFake: Partial<PimGateway> = {
    activatedAssignmentPages: async function* (kind) {
      if (kind === 'directoryRole')
        for (let i = 0; i < instances.length; i += 999) yield instances.slice(i, i + 999);
    },
    listEligibilitiesEndingBefore: async () => [],
    getRoleDefinition: async (id) => ({ id, displayName: 'Global Reader' }) as never,
    getActivationRules: async () => ({
      maximumDuration: Duration.fromObject({ hours: 8 }),
      justificationRequired: false,
      ticketRequired: false,
      mfaRequired: false,
      approvalRequired: false,
      approvers: [],
      approverJustificationRequired: false,
    }),
  };
  const pim = port<PimGateway>('PimGateway', pimFake);
  const directory = port<Directory>('Directory', {});
  const adapter = createCloudAdapter(config, logger, clock);
  const messenger = new ProactiveMessenger(adapter, '', { ratePerSecond: config.proactiveSendRatePerSecond });
  const scheduler = buildScheduler({
    config,
    store,
    pim,
    directory,
    messenger,
    signer: new CardActionSigner(undefined),
    approvers: new ApproverResolver(directory),
    auditLog: new StoreAuditLog({ audit: store.audit, clock }),
    clock,
    logger,
    tenantId,
  });
  // A day early: the reconciler schedules every reminder, none is due yet.
  const first = await scheduler.runOnce();
  process.stdout.write(`scheduled ${first.reconcile?.scheduled ?? 0}\n`);
  // Two minutes before the burst, a pass does what the day's passes would have done: the check of
  // each activation made outside Elevate (due a minute after first seen) and the rechecks of the
  // "ended" notes. Without it they fell due together with the reminders, were claimed first
  // (earlier due time), and every reminder waited behind COUNT audit checks.
  clock.offsetMs = dueAt.minus({ minutes: 2 }).toMillis() - Date.now();
  const settle = await scheduler.runOnce();
  process.stdout.write(`settled ${settle.dispatch.completed} ${settle.dispatch.released}\n`);
  clock.offsetMs = dueAt.toMillis() - Date.now();
  process.stdout.write(`due ${Date.now()}\n`);
  // The scheduler's and the pacer's timers are unref'd (Elevate's HTTP server keeps it alive); so does this.
  const keepAlive = setInterval(() => undefined, 60_000);
  void scheduler.runOnce();
  scheduler.start();
  const stop = () => {
    clearInterval(keepAlive);
    void scheduler.stop().then(async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
}

/** A port with only the methods the scheduler should need here; any other call is a bench bug. */
function port<T extends object>(name: string, methods: Partial<T>): T {
  return new Proxy(methods, {
    get(target, property) {
      const value = (target as Record<PropertyKey, unknown>)[property];
      if (value !== undefined || typeof property !== 'string' || property === 'then') return value;
      return async () => {
        throw new Error(`reminder burst: ${name}.${property} is not faked`);
      };
    },
  }) as T;
}

main().catch((error: unknown) => {
  process.stderr.write(`burst failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
