import type { RoleKind } from '../../../domain/roles';
import type { ActivateRolesInput } from '../../../app/activation/activate-roles.use-case';
import type { Actor } from '../../../app/shared/actor';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import type { TeamsTurn } from '../teams-turn';

/** An activation that waits for the user to complete a step-up sign-in. */
export interface PendingStepUp {
  reason: 'mfa' | 'authenticationContext';
  claims: string;
  roleName: string;
  /** The same activation, re-run by itself once the step-up succeeded. */
  activation: Omit<ActivateRolesInput, 'actor'>;
  /** 'extend': the step-up is for Extend, which runs again (deactivate + re-activate) once verified. */
  purpose?: 'activate' | 'extend';
  /** The card the user pressed; the outcome replaces it in place. */
  cardActivityId?: string;
}

/** An approver's decision that waits for a step-up sign-in. */
export interface PendingDecisionStepUp {
  reason: 'mfa' | 'authenticationContext';
  claims: string;
  roleName: string;
  /** PIM for Groups: member or owner (named so on the Verify card). */
  kind?: RoleKind;
  requestId: string;
  verdict: 'Approve' | 'Deny';
  justification?: string;
}

/** Starts a step-up: remembers the pending action and returns the Verify card to show. */
export interface StepUpStarter {
  start(turn: TeamsTurn, actor: Actor, pending: PendingStepUp): Promise<AdaptiveCardJson>;
  startDecision(turn: TeamsTurn, actor: Actor, pending: PendingDecisionStepUp): Promise<AdaptiveCardJson>;
}
