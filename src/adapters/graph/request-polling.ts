import type { ActiveRole, RoleKind } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { PimRequest, RequestRef, WaitOptions } from '../../ports/pim-gateway';
import type { DelegatedUser } from '../../ports/token-provider';
import { getAllAsUser } from './delegated-reads';
import { requireBody } from './graph-body';
import type { AdapterLogger } from './graph-logger';
import type { GraphHttp } from './graph-http';
import { kindOfAccess, toPimRequest, type RawScheduleRequest } from './graph-mappers';
import { graphPaths } from './graph-paths';
import { isSettled } from '../../domain/activation/request-status';

/** Reads schedule requests, and polls (bounded) until a request settles or an activation shows. */
export class RequestPolling {
  constructor(
    private readonly http: GraphHttp,
    private readonly appToken: () => Promise<string>,
    private readonly logger: AdapterLogger,
    private readonly clock: Pick<Clock, 'sleep'>,
    private readonly listActiveRoles: (user: DelegatedUser) => Promise<ActiveRole[]>,
  ) {}

  async getRequest(request: RequestRef, user?: DelegatedUser): Promise<PimRequest> {
    const result = await this.http.send<RawScheduleRequest>({
      method: 'GET',
      path: graphPaths.assignmentRequest(request.kind, request.requestId),
      token: user ? await user.accessToken() : await this.appToken(),
      userInitiated: Boolean(user),
      operation: 'read',
    });
    const raw = requireBody(result.body);
    return toPimRequest(raw, request.kind === 'directoryRole' ? 'directoryRole' : kindOfAccess(raw.accessId));
  }

  async listMyRequests(user: DelegatedUser, kind: RoleKind): Promise<PimRequest[]> {
    const raw = await getAllAsUser<RawScheduleRequest>(
      this.http,
      graphPaths.myAssignmentRequests(kind, 'principal'),
      await user.accessToken(),
    );
    return raw
      .map((item) => toPimRequest(item, kind === 'directoryRole' ? kind : kindOfAccess(item.accessId)))
      .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis());
  }

  async waitForSettled(
    request: RequestRef,
    user?: DelegatedUser,
    options?: WaitOptions,
  ): Promise<PimRequest> {
    const { timeoutMs, intervalMs } = waitBounds(options);
    // Bounded by the number of polls the timeout allows (the injected clock waits between them).
    const polls = Math.max(1, Math.floor(timeoutMs / intervalMs));
    for (let poll = 1; ; poll += 1) {
      const current = await this.getRequest(request, user);
      if (isSettled(current.status) || poll >= polls) {
        this.logger.info(
          { requestId: request.requestId, status: current.status, polls: poll },
          'request status polled',
        );
        return current;
      }
      await this.clock.sleep(intervalMs);
    }
  }
}

function waitBounds(options?: WaitOptions): { timeoutMs: number; intervalMs: number } {
  return {
    timeoutMs: options?.timeout?.as('milliseconds') ?? 60_000,
    intervalMs: options?.interval?.as('milliseconds') ?? 1_000,
  };
}
