import { Duration } from 'luxon';
import { DomainError, ErrorCodes, isDomainError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type {
  ActivationInput,
  ExtendInput,
  PimRequest,
  RequestRef,
  RoleTarget,
} from '../../ports/pim-gateway';
import type { DelegatedUser } from '../../ports/token-provider';
import { requireBody } from './graph-body';
import type { GraphOperation } from './graph-errors';
import type { AdapterLogger } from './graph-logger';
import type { GraphHttp } from './graph-http';
import { toPimRequest, type RawScheduleRequest } from './graph-mappers';
import { graphPaths } from './graph-paths';
import { isoDuration, utcIso } from './iso-duration';
import { groupAccessId } from './pim-for-groups';
import type { RequestPolling } from './request-polling';
import { RequestStatuses, statusIs } from '../../domain/activation/request-status';

/** How far back a request found after an unknown outcome may have been created. */
const UNKNOWN_OUTCOME_WINDOW = Duration.fromObject({ minutes: 2 });

type RequestBody = Record<string, unknown> & { action: string; isValidationOnly?: boolean };

/**
 * What a user does to their own roles, with their delegated token: activate, deactivate, extend
 * an eligibility, cancel a request. Unknown outcomes are checked before anything is re-sent.
 */
export class SelfActions {
  constructor(
    private readonly http: GraphHttp,
    private readonly clock: Clock,
    private readonly logger: AdapterLogger,
    private readonly requests: RequestPolling,
  ) {}

  async activate(user: DelegatedUser, input: ActivationInput): Promise<PimRequest> {
    const duration = isoDuration(input.duration);
    const body: RequestBody = {
      ...targetFields(user, input),
      action: 'selfActivate',
      scheduleInfo: {
        // Omitted start = now by Graph's clock (our clock may be ahead and make it "scheduled").
        ...(input.startAt ? { startDateTime: utcIso(input.startAt) } : {}),
        expiration: { type: 'afterDuration', duration },
      },
      ...(input.justification ? { justification: input.justification } : {}),
      ...ticketInfo(input),
      ...(input.validateOnly ? { isValidationOnly: true } : {}),
    };
    return this.postRequest(user, input, body, 'activate');
  }

  async deactivate(user: DelegatedUser, target: RoleTarget): Promise<PimRequest> {
    return this.postRequest(
      user,
      target,
      { ...targetFields(user, target), action: 'selfDeactivate' },
      'deactivate',
    );
  }

  async extend(user: DelegatedUser, input: ExtendInput): Promise<PimRequest> {
    if (!input.justification.trim()) {
      throw new DomainError(
        ErrorCodes.JustificationRequired,
        'Extending an eligibility needs a justification.',
        {
          remedy: 'Say why you still need the role.',
        },
      );
    }
    const body = {
      ...targetFields(user, input),
      action: 'selfExtend',
      justification: input.justification,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: isoDuration(input.duration) } },
      ...ticketInfo(input),
    };
    // An extension is not re-sent after an unknown outcome: the caller is told to check.
    const result = await this.http.send<RawScheduleRequest>({
      method: 'POST',
      path: graphPaths.eligibilityRequests(input.kind),
      body,
      token: await user.accessToken(),
      userInitiated: true,
      operation: 'extend',
    });
    return toPimRequest(requireBody(result.body), input.kind);
  }

  async cancel(user: DelegatedUser, request: RequestRef): Promise<void> {
    const call = async () =>
      this.http.send({
        method: 'POST',
        path: graphPaths.cancelRequest(request.kind, request.requestId),
        token: await user.accessToken(),
        userInitiated: true,
        operation: 'cancel',
      });
    try {
      await call();
    } catch (error) {
      if (!isDomainError(error, ErrorCodes.OutcomeUnknown)) throw error;
      const current = await this.requests.getRequest(request, user);
      this.logger.warn(
        { requestId: request.requestId, status: current.status },
        'cancel outcome unknown; checked the request before deciding to re-send',
      );
      if (statusIs(current.status, RequestStatuses.Canceled)) return;
      await call();
    }
  }

  /**
   * POSTs a schedule request. When the outcome is unknown (timeout, reset, 504) the user's
   * requests are checked first; only if none matches is the request sent again, once.
   */
  private async postRequest(
    user: DelegatedUser,
    target: RoleTarget,
    body: RequestBody,
    operation: GraphOperation,
  ): Promise<PimRequest> {
    const send = async () => {
      const result = await this.http.send<RawScheduleRequest>({
        method: 'POST',
        path: graphPaths.assignmentRequests(target.kind),
        body,
        token: await user.accessToken(),
        userInitiated: true,
        operation,
      });
      return toPimRequest(requireBody(result.body), target.kind);
    };
    const sentAt = this.clock.now();
    try {
      return await send();
    } catch (error) {
      if (!isDomainError(error, ErrorCodes.OutcomeUnknown)) throw error;
      if (body.isValidationOnly) return send(); // a dry run persists nothing
      const existing = (await this.requests.listMyRequests(user, target.kind)).find(
        (request) =>
          request.action.toLowerCase() === body.action.toLowerCase() &&
          request.roleId === target.roleId &&
          (target.kind !== 'directoryRole' || request.directoryScopeId === target.directoryScopeId) &&
          request.createdAt >= sentAt.minus(UNKNOWN_OUTCOME_WINDOW),
      );
      this.logger.warn(
        { action: body.action, found: existing?.id ?? null, clientRequestId: error.details.clientRequestId },
        'outcome of a PIM request unknown; checked the user’s requests before re-sending',
      );
      return existing ?? send();
    }
  }
}

/** Who and what a request is for: a directory role at a scope, or a group's membership/ownership. */
function targetFields(user: DelegatedUser, target: RoleTarget): Record<string, unknown> {
  return target.kind === 'directoryRole'
    ? {
        principalId: user.userId,
        roleDefinitionId: target.roleId,
        directoryScopeId: target.directoryScopeId,
      }
    : {
        principalId: user.userId,
        groupId: target.roleId,
        accessId: groupAccessId(target.kind),
      };
}

function ticketInfo(input: ActivationInput | ExtendInput): Record<string, unknown> {
  return input.ticket
    ? { ticketInfo: { ticketNumber: input.ticket.number, ticketSystem: input.ticket.system ?? null } }
    : {};
}
