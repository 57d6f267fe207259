import { approvalRequest, decideApproval, type Decision } from '../../pim/approval-decisions';
import { approvalStepJson } from '../../pim/graph-serializers';
import type { ScheduleRequest } from '../../pim/pim-types';
import { notFound } from '../graph-error';
import { collectionResult, entityResult } from '../graph-results';
import type { PermissionSpec } from '../permissions';
import { requestBodyPointer } from '../schema-validator';
import {
  contextUrl,
  escapeRegex,
  FILTER_BY_CURRENT_USER,
  ID,
  type GraphContext,
  type GraphRoute,
} from '../graph-context';

export interface ApprovalRoutesSpec {
  /** e.g. `/roleManagement/directory/roleAssignmentApprovals`. */
  path: string;
  kind: 'role' | 'group';
  versions: ('v1.0' | 'beta')[];
  read: PermissionSpec;
  write: PermissionSpec;
  /** Serve `filterByCurrentUser(on='approver')` (PIM for Groups only). */
  filterByCurrentUser: boolean;
}

/** v1.0 names the single stage `stages` (approvalStage), beta `steps` (approvalStep) (REFERENCE §6.1). */
const navOf = (ctx: GraphContext): 'stages' | 'steps' => (ctx.version === 'v1.0' ? 'stages' : 'steps');

function approvalJson(
  ctx: GraphContext,
  spec: ApprovalRoutesSpec,
  r: ScheduleRequest,
): Record<string, unknown> {
  const nav = navOf(ctx);
  const name = spec.path.replace(/^\//, '');
  return {
    id: r.id,
    [`${nav}@odata.context`]: contextUrl(ctx, `${name}('${r.id}')/${nav}`),
    [nav]: r.approval ? [approvalStepJson(r.approval, ctx.caller.oid)] : [],
  };
}

function stepOf(r: ScheduleRequest, stepId: string) {
  if (!r.approval || r.approval.step.id !== stepId) throw notFound('approval step', stepId);
  return r.approval;
}

/** GET approval, list/get steps (or stages), PATCH a decision; plus filterByCurrentUser for groups. */
export function approvalRoutes(spec: ApprovalRoutesSpec): GraphRoute[] {
  const base = escapeRegex(spec.path);
  const name = spec.path.replace(/^\//, '');
  const routes: GraphRoute[] = [
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/${ID}$`, 'i'),
      permission: spec.read,
      versions: spec.versions,
      handle(ctx) {
        const r = approvalRequest(ctx.state, ctx.params[0], spec.kind);
        return entityResult(ctx, `${name}/$entity`, approvalJson(ctx, spec, r));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/${ID}/(steps|stages)$`, 'i'),
      permission: spec.read,
      versions: spec.versions,
      handle(ctx) {
        const r = approvalRequest(ctx.state, ctx.params[0], spec.kind);
        const steps = r.approval ? [approvalStepJson(r.approval, ctx.caller.oid)] : [];
        return collectionResult(ctx, `${name}('${r.id}')/${ctx.params[1]}`, steps);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/${ID}/(?:steps|stages)/${ID}$`, 'i'),
      permission: spec.read,
      versions: spec.versions,
      handle(ctx) {
        const r = approvalRequest(ctx.state, ctx.params[0], spec.kind);
        return entityResult(
          ctx,
          `${name}('${r.id}')/steps/$entity`,
          approvalStepJson(stepOf(r, ctx.params[1]), ctx.caller.oid),
        );
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^${base}/${ID}/(?:steps|stages)/${ID}$`, 'i'),
      permission: spec.write,
      versions: spec.versions,
      bodySchema: requestBodyPointer('approvalDecision'),
      handle(ctx) {
        const r = approvalRequest(ctx.state, ctx.params[0], spec.kind);
        const body = ctx.body ?? {};
        const decision = String(body.reviewResult).toLowerCase() === 'deny' ? 'Deny' : 'Approve';
        const justification = typeof body.justification === 'string' ? body.justification : null;
        decideApproval(
          ctx.state,
          r,
          ctx.params[1],
          ctx.caller.oid ?? '',
          decision as Decision,
          justification,
        );
        return { status: 204 };
      },
    },
  ];
  if (spec.filterByCurrentUser) {
    routes.unshift({
      method: 'GET',
      pattern: new RegExp(`^${base}/${FILTER_BY_CURRENT_USER}$`, 'i'),
      permission: spec.read,
      versions: spec.versions,
      handle(ctx) {
        ctx.state.tick();
        const me = ctx.caller.oid ?? '';
        const items = [...ctx.state.requests.values()]
          .filter(
            (r) =>
              r.collection === (spec.kind === 'role' ? 'roleAssignment' : 'groupAssignment') &&
              r.approval?.approverIds.includes(me),
          )
          .map((r) => approvalJson(ctx, spec, r));
        return collectionResult(ctx, 'Collection(approval)', items);
      },
    });
  }
  return routes;
}
