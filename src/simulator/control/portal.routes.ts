import { z } from 'zod';
import { decideApproval } from '../pim/approval-decisions';
import { requestJson } from '../pim/graph-serializers';
import { parseWith, readJson } from './control-body';
import { ControlError, type ControlRoutes } from './control-route';
import { ActivationSchema, portalActivation } from './portal-activation';

const DecisionSchema = z
  .object({
    approverId: z.string().min(1),
    decision: z.enum(['Approve', 'Deny']),
    justification: z.string().optional(),
  })
  .strict();

/** What others do in the Entra portal: POST /_sim/approvals/{requestId}/decide, POST /_sim/activations. */
export const portalRoutes: ControlRoutes = (deps) => [
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
