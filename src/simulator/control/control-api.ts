import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DateTime, Duration } from 'luxon';
import { z } from 'zod';
import { GraphError } from '../graph/graph-error';
import { decideApproval } from '../pim/approval-decisions';
import { instanceJson, requestJson } from '../pim/graph-serializers';
import type { Schedule, ScheduleRequest, Target } from '../pim/pim-types';
import { parseSeed, readSeedFile, SeedError } from '../pim/seed-schema';
import type { SimulatorSeed } from '../pim/seed-types';
import type { TenantState } from '../pim/tenant-state';
import type { SimClock } from '../sim-clock';
import { FaultSpecSchema, type FaultInjector } from './faults';
import type { RequestLog } from './request-log';

export interface ControlDeps {
  state: TenantState;
  clock: SimClock;
  faults: FaultInjector;
  requestLog: RequestLog;
  initialSeed: () => SimulatorSeed;
  /** Clears identity state (codes, refresh tokens). */
  resetIdentity: () => void;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ControlError(400, `Body is not valid JSON: ${(error as Error).message}`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ControlError(400, `Invalid ${what}: '${issue.path.join('.') || '(body)'}' ${issue.message}.`);
  }
  return result.data;
}

const AdvanceSchema = z.object({ by: z.string().min(1) }).strict();
const SetSchema = z.object({ to: z.string().datetime({ offset: true }) }).strict();
const DecisionSchema = z
  .object({
    approverId: z.string().min(1),
    decision: z.enum(['Approve', 'Deny']),
    justification: z.string().optional(),
  })
  .strict();
const SettingsSchema = z
  .object({
    acrsErrorStyle: z.enum(['wrapped', 'plain']).optional(),
    policyErrorFormat: z.enum(['rule-text', 'legacy-array']).optional(),
    reactivationLagSeconds: z.number().int().min(0).max(600).optional(),
  })
  .strict();
const ActivationSchema = z
  .object({
    principalId: z.string().min(1),
    roleDefinitionId: z.string().optional(),
    directoryScopeId: z.string().optional(),
    groupId: z.string().optional(),
    accessId: z.enum(['member', 'owner']).optional(),
    duration: z.string().optional(),
    justification: z.string().optional(),
    /** Pretend the activation started this long ago (e.g. PT10M), to be past the 5-minute floor. */
    startedAgo: z.string().optional(),
  })
  .strict()
  .refine((a) => (a.roleDefinitionId !== undefined) !== (a.groupId !== undefined), {
    message: 'give roleDefinitionId (Entra role) or groupId (PIM for Groups)',
  });

function isoDuration(value: string, field: string): Duration {
  const d = Duration.fromISO(value);
  if (!d.isValid)
    throw new ControlError(
      400,
      `'${field}' must be an ISO 8601 duration such as PT30M or P1D; got '${value}'.`,
    );
  return d;
}

/** "Activated in the portal / with PowerShell": an activation Elevate did not make. */
function portalActivation(state: TenantState, input: z.infer<typeof ActivationSchema>) {
  const user = state.user(input.principalId);
  if (!user) throw new ControlError(400, `principalId '${input.principalId}' is not a user of the seed.`);
  const target: Target = input.groupId
    ? { type: 'group', groupId: input.groupId, accessId: input.accessId ?? 'member' }
    : {
        type: 'role',
        roleDefinitionId: input.roleDefinitionId ?? '',
        directoryScopeId: input.directoryScopeId ?? '/',
        appScopeId: null,
      };
  if (target.type === 'role' && !state.roleDefinitions.some((r) => r.id === target.roleDefinitionId)) {
    throw new ControlError(400, `roleDefinitionId '${target.roleDefinitionId}' is not a role of the seed.`);
  }
  if (target.type === 'group' && !state.group(target.groupId)?.pimForGroups) {
    throw new ControlError(400, `groupId '${target.groupId}' is not a PIM for Groups group of the seed.`);
  }
  const now = state.clock.now();
  const start = input.startedAgo ? now.minus(isoDuration(input.startedAgo, 'startedAgo')) : now;
  const duration = input.duration ?? 'PT1H';
  const end = start.plus(isoDuration(duration, 'duration'));
  const id = randomUUID();
  const scheduleId = target.type === 'group' ? `${target.groupId}_${target.accessId}_${id}` : id;
  const request: ScheduleRequest = {
    id,
    collection: target.type === 'group' ? 'groupAssignment' : 'roleAssignment',
    action: 'selfActivate',
    actionAsSent: 'selfActivate',
    target,
    principalId: user.id,
    status: 'Provisioned',
    createdDateTime: start,
    completedDateTime: start,
    createdBy: user.id,
    createdByApp: null,
    justification: input.justification ?? 'Activated in the Entra admin center',
    ticketInfo: { ticketNumber: null, ticketSystem: null },
    scheduleInfo: {
      startDateTime: start,
      expiration: { type: 'afterDuration', endDateTime: null, duration },
    },
    isValidationOnly: false,
    targetScheduleId: scheduleId,
    approval: null,
    pendingSchedule: null,
    activatedUsing: null,
  };
  const schedule: Schedule = {
    id: scheduleId,
    kind: 'assignment',
    target,
    principalId: user.id,
    assignmentType: 'Activated',
    memberType: 'Direct',
    start,
    end,
    expirationType: 'afterDuration',
    duration,
    createdUsing: id,
    createdDateTime: start,
    modifiedDateTime: start,
    activatedUsing: null,
  };
  state.requests.set(id, request);
  state.schedules.push(schedule);
  return { request: requestJson(request), instance: instanceJson(schedule) };
}

/** What is going on in the tenant right now (for demos and debugging). */
function stateSummary(state: TenantState) {
  state.tick();
  const name = (id: string) => state.user(id)?.displayName ?? state.group(id)?.displayName ?? id;
  const targetName = (t: Target) =>
    t.type === 'role'
      ? `${state.roleDefinitions.find((r) => r.id === t.roleDefinitionId)?.displayName ?? t.roleDefinitionId} @ ${t.directoryScopeId ?? t.appScopeId}`
      : `${t.accessId} of ${name(t.groupId)}`;
  return {
    now: state.clock.now().toISO(),
    activeAssignments: state.activeSchedules('assignment').map((s) => ({
      principal: name(s.principalId),
      principalId: s.principalId,
      target: targetName(s.target),
      assignmentType: s.assignmentType,
      start: s.start.toISO(),
      end: s.end?.toISO() ?? null,
    })),
    pendingRequests: [...state.requests.values()]
      .filter((r) => ['PendingApproval', 'Granted', 'PendingAdminDecision'].includes(r.status))
      .map((r) => ({
        id: r.id,
        status: r.status,
        principal: name(r.principalId),
        target: targetName(r.target),
        approvers: r.approval?.approverIds.map(name) ?? [],
        expiresAt: r.approval?.expiresAt.toISO() ?? null,
      })),
    eligibilities: state.activeSchedules('eligibility').length,
    requests: state.requests.size,
  };
}

function clockJson(clock: SimClock) {
  const now = clock.now();
  return { now: now.toISO(), offsetMs: Math.round(now.toMillis() - Date.now()) };
}

/**
 * The control API under `/_sim/` (tests and demos only; no authentication, loopback only):
 * reset, seed, clock, faults, received requests, settings, approval decisions and portal activations.
 */
export function createControlHandler(deps: ControlDeps) {
  const routes: {
    method: string;
    pattern: RegExp;
    run: (req: IncomingMessage, params: string[], url: URL) => Promise<[number, unknown]>;
  }[] = [
    {
      method: 'POST',
      pattern: /^\/_sim\/reset$/,
      run: async () => {
        deps.clock.reset();
        deps.state.load(deps.initialSeed());
        deps.faults.clear();
        deps.requestLog.clear();
        deps.resetIdentity();
        return [200, { reset: true, clock: clockJson(deps.clock) }];
      },
    },
    {
      method: 'POST',
      pattern: /^\/_sim\/seed$/,
      run: async (req) => {
        const body = (await readJson(req)) as Record<string, unknown>;
        const seed =
          typeof body.path === 'string' && Object.keys(body).length === 1
            ? readSeedFile(body.path)
            : parseSeed(body, 'in the request body');
        deps.state.load(seed);
        return [
          200,
          {
            loaded: true,
            tenantId: seed.tenant.id,
            users: seed.users.length,
            roleDefinitions: seed.roleDefinitions.length,
            schedules: seed.schedules.length,
          },
        ];
      },
    },
    { method: 'GET', pattern: /^\/_sim\/clock$/, run: async () => [200, clockJson(deps.clock)] },
    {
      method: 'POST',
      pattern: /^\/_sim\/clock\/advance$/,
      run: async (req) => {
        const { by } = parseWith(
          AdvanceSchema,
          await readJson(req),
          'clock advance body (expected {"by":"PT10M"})',
        );
        deps.clock.advance(isoDuration(by, 'by'));
        deps.state.tick();
        return [200, clockJson(deps.clock)];
      },
    },
    {
      method: 'POST',
      pattern: /^\/_sim\/clock\/set$/,
      run: async (req) => {
        const { to } = parseWith(
          SetSchema,
          await readJson(req),
          'clock set body (expected {"to":"2026-01-01T09:00:00Z"})',
        );
        deps.clock.set(DateTime.fromISO(to, { zone: 'utc' }));
        deps.state.tick();
        return [200, clockJson(deps.clock)];
      },
    },
    { method: 'GET', pattern: /^\/_sim\/faults$/, run: async () => [200, { value: deps.faults.list() }] },
    {
      method: 'POST',
      pattern: /^\/_sim\/faults$/,
      run: async (req) => {
        const spec = parseWith(FaultSpecSchema, await readJson(req), 'fault');
        const { pattern: _pattern, ...fault } = deps.faults.add(spec);
        return [201, fault];
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/_sim\/faults$/,
      run: async () => {
        deps.faults.clear();
        return [204, undefined];
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/_sim\/faults\/([^/]+)$/,
      run: async (_req, [id]) => {
        if (!deps.faults.remove(id)) throw new ControlError(404, `No fault with id '${id}'.`);
        return [204, undefined];
      },
    },
    {
      method: 'GET',
      pattern: /^\/_sim\/requests$/,
      run: async (_req, _params, url) => [
        200,
        {
          value: deps.requestLog.list({
            method: url.searchParams.get('method') ?? undefined,
            pathContains: url.searchParams.get('path') ?? undefined,
          }),
        },
      ],
    },
    {
      method: 'DELETE',
      pattern: /^\/_sim\/requests$/,
      run: async () => {
        deps.requestLog.clear();
        return [204, undefined];
      },
    },
    { method: 'GET', pattern: /^\/_sim\/settings$/, run: async () => [200, deps.state.settings] },
    { method: 'GET', pattern: /^\/_sim\/state$/, run: async () => [200, stateSummary(deps.state)] },
    {
      method: 'PATCH',
      pattern: /^\/_sim\/settings$/,
      run: async (req) => {
        const patch = parseWith(SettingsSchema, await readJson(req), 'settings');
        deps.state.settings = { ...deps.state.settings, ...patch };
        return [200, deps.state.settings];
      },
    },
    {
      method: 'POST',
      pattern: /^\/_sim\/approvals\/([^/]+)\/decide$/,
      run: async (req, [requestId]) => {
        const input = parseWith(
          DecisionSchema,
          await readJson(req),
          'decision (expected {"approverId","decision":"Approve"|"Deny","justification"})',
        );
        deps.state.tick();
        const request = deps.state.requests.get(requestId);
        if (!request?.approval)
          throw new ControlError(404, `No request awaiting approval with id '${requestId}'.`);
        decideApproval(
          deps.state,
          request,
          request.approval.step.id,
          input.approverId,
          input.decision,
          input.justification ?? null,
        );
        return [200, requestJson(request)];
      },
    },
    {
      method: 'POST',
      pattern: /^\/_sim\/activations$/,
      run: async (req) => [
        201,
        portalActivation(deps.state, parseWith(ActivationSchema, await readJson(req), 'activation')),
      ],
    },
  ];

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const reply = (status: number, body: unknown): void => {
      if (body === undefined) {
        res.writeHead(status);
        res.end();
        return;
      }
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      const candidates = routes.filter((r) => r.pattern.test(url.pathname));
      const route = candidates.find((r) => r.method === req.method);
      if (!route) {
        throw new ControlError(
          candidates.length ? 405 : 404,
          candidates.length
            ? `Use ${candidates.map((c) => c.method).join(' or ')} for ${url.pathname}.`
            : `Unknown control endpoint ${url.pathname}.`,
        );
      }
      const [status, body] = await route.run(req, route.pattern.exec(url.pathname)?.slice(1) ?? [], url);
      reply(status, body);
    } catch (error) {
      if (error instanceof ControlError)
        reply(error.status, { error: { code: 'SimulatorControlError', message: error.message } });
      else if (error instanceof SeedError)
        reply(400, { error: { code: 'InvalidSeed', message: error.message } });
      else if (error instanceof GraphError)
        reply(error.status, { error: { code: error.code, message: error.message } });
      else reply(500, { error: { code: 'InternalServerError', message: (error as Error).message } });
    }
  };
}
