import type { DecideApprovalUseCase } from '../../../app/approvals/decide-approval.use-case';
import type { Clock } from '../../../ports/clock';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import type { DecisionResumer } from '../step-up/step-up-service';
import { approvalRequestCard } from './approval-card.presenter';

/** An approver's decision sent again after their step-up: the same decide use case, its card for the approver. */
export function approvalDecisionResumer(
  decide: DecideApprovalUseCase,
  deps: { clock: Clock; signer: CardActionSigner },
): DecisionResumer {
  return async (actor, decision) => {
    const result = await decide.execute({
      actor,
      requestId: decision.requestId,
      decision: decision.verdict,
      reason: decision.reason,
    });
    const ctx = { clock: deps.clock, signer: deps.signer, zone: actor.timeZone, viewerId: actor.userId };
    return approvalRequestCard(
      ctx,
      result.view,
      { type: 'approver', approverId: actor.userId },
      { alreadyDecided: result.kind === 'alreadyClosed' },
    );
  };
}
