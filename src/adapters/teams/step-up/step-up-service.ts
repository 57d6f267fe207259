import { createHash } from 'node:crypto';
import type { ActivateRolesUseCase } from '../../../app/activation/activate-roles.use-case';
import type { ExtendActivationUseCase } from '../../../app/reminders/extend-activation.use-case';
import type { Actor } from '../../../app/shared/actor';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { Clock } from '../../../ports/clock';
import type { OneTimeKeyRepository } from '../../../ports/one-time-keys';
import type {
  CardCopyRepository,
  ConversationRepository,
  UserRepository,
  WorkItemRepository,
} from '../../../ports/stores';
import { markStepUpEnded } from '../../../app/audit/step-up-expiry';
import type { DelegatedUser, TokenProvider } from '../../../ports/token-provider';
import type { Logger } from '../../observability/logger';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { renderCard } from '../cards/card-renderer';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import { errorCard } from '../presenters/error-card.presenter';
import type { EffectiveCardFollowUp } from '../follow-ups/effective-card.follow-up';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import type { PendingDecisionStepUp, PendingStepUp, StepUpStarter } from '../routes/step-up-starter';
import type { TeamsTurn } from '../teams-turn';
import {
  alreadyUsedPage,
  checkStepUpState,
  authContextName,
  encodePayload,
  pkceChallenge,
  refused,
  STEP_UP_TTL,
  type StepUpPayload,
} from './step-up-state';
import { resumeActivation } from './resume-activation';
import { scheduleStepUpExpiryCheck, stepUpEvent } from './step-up-audit';
import type { AuditLog } from '../../../ports/audit-log';
import { deliverVerifyPrivately } from './private-delivery';
import { roleLabel } from '../presenters/role-label';

export const STEP_UP_PATH = '/auth/step-up';
export const STEP_UP_CALLBACK_PATH = '/auth/step-up/callback';

/** Sends an approver's decision again with the stepped-up token; returns the card to post. */
export type DecisionResumer = (
  actor: Actor,
  decision: { requestId: string; verdict: 'Approve' | 'Deny'; reason?: string },
) => Promise<AdaptiveCardJson>;

export type StepUpPageResult =
  | { kind: 'redirect'; url: string }
  | { kind: 'done'; title: string; message: string }
  | { kind: 'refused'; status: number; title: string; message: string };

/**
 * The step-up round trip: a Verify card whose link opens the bot's own page; the page runs the
 * authorization-code flow with the claims challenge; on return the same activation runs again with
 * the stepped-up token and the outcome is posted in the original conversation.
 */
export class StepUpService implements StepUpStarter {
  constructor(
    private readonly deps: {
      publicBaseUrl: string;
      signer: CardActionSigner;
      secret: string;
      clock: Clock;
      tokens: TokenProvider;
      oneTimeKeys: OneTimeKeyRepository;
      activate: ActivateRolesUseCase;
      extend: ExtendActivationUseCase;
      users: UserRepository;
      conversations: ConversationRepository;
      messenger: ProactiveMessenger;
      logger: Logger;
      /** Updates a resumed activation's card to "effective" once the assignment is visible. */
      effective: EffectiveCardFollowUp;
      cardCopies: CardCopyRepository;
      /** Sends an approver's decision again after their step-up (the approvals' decide use case). */
      resumeDecision?: DecisionResumer;
      audit?: Pick<AuditLog, 'record'>;
      /** Where the check of an unused Verify link is scheduled (recorded as abandoned when it expires). */
      workItems?: Pick<WorkItemRepository, 'scheduleIfAbsent'>;
    },
  ) {}

  async startDecision(
    turn: TeamsTurn,
    actor: Actor,
    pending: PendingDecisionStepUp,
  ): Promise<AdaptiveCardJson> {
    const card = await this.verifyCard(actor, {
      tenantId: actor.tenantId,
      reason: pending.reason,
      claims: pending.claims,
      roleName: pending.roleName,
      kind: pending.kind,
      roleId: '',
      directoryScopeId: '',
      originConversationId: turn.conversationId,
      decision: { requestId: pending.requestId, verdict: pending.verdict, reason: pending.justification },
    });
    return deliverVerifyPrivately(this.deps, turn, actor, card, roleLabel(pending));
  }

  async start(turn: TeamsTurn, actor: Actor, pending: PendingStepUp): Promise<AdaptiveCardJson> {
    const selection = pending.activation.selection;
    if (selection.type !== 'exact') throw new Error('step-up resumes one exact role');
    const payload: StepUpPayload = {
      tenantId: actor.tenantId,
      reason: pending.reason,
      claims: pending.claims,
      roleName: pending.roleName,
      kind: selection.kind,
      roleId: selection.roleId,
      directoryScopeId: selection.directoryScopeId,
      duration: pending.activation.duration?.toISO() ?? undefined,
      startAt: pending.activation.startAt?.toUTC().toISO() ?? undefined,
      justification: pending.activation.justification,
      ticket: pending.activation.ticket,
      originConversationId: pending.activation.originConversationId ?? turn.conversationId,
      extend: pending.purpose === 'extend' ? true : undefined,
      cardActivityId: pending.cardActivityId,
    };
    const card = await this.verifyCard(actor, payload);
    return deliverVerifyPrivately(this.deps, turn, actor, card, roleLabel(payload));
  }

  private async verifyCard(actor: Actor, payload: StepUpPayload): Promise<AdaptiveCardJson> {
    const now = this.deps.clock.now();
    const state = this.deps.signer.sign({
      verbs: ['stepUp'],
      subject: encodePayload(payload),
      actorId: actor.userId,
      now,
      ttl: STEP_UP_TTL,
    });
    await scheduleStepUpExpiryCheck(this.deps, actor.userId, payload, state, now.plus(STEP_UP_TTL));
    return renderCard('verify', {
      reason: payload.reason,
      purpose: payload.decision
        ? `${payload.decision.verdict === 'Approve' ? 'approve' : 'deny'} the request for`
        : payload.extend
          ? 'extend'
          : 'activate',
      roleName: roleLabel(payload),
      authenticationContext: authContextName(payload.claims),
      expiresIn: '10 minutes',
      stepUpUrl: `${this.deps.publicBaseUrl}${STEP_UP_PATH}?state=${encodeURIComponent(state)}`,
    });
  }

  /** GET /auth/step-up?state=…: check the state, then send the browser to Entra with the claims. */
  async begin(state: unknown): Promise<StepUpPageResult> {
    const checked = checkStepUpState(this.deps, state);
    if ('refused' in checked) return checked.refused;
    const url = await this.deps.tokens.stepUpUrl({
      userId: checked.userId,
      claims: checked.payload.claims,
      redirectUri: this.redirectUri(),
      state: state as string,
      codeChallenge: pkceChallenge(this.verifier(checked.nonce)),
    });
    return { kind: 'redirect', url };
  }

  /** The redirect back from Entra: redeem the code once, resume the activation, post the outcome. */
  async complete(query: {
    state?: unknown;
    code?: unknown;
    error?: unknown;
    error_description?: unknown;
  }): Promise<StepUpPageResult> {
    const checked = checkStepUpState(this.deps, query.state);
    if ('refused' in checked) return checked.refused;
    if (typeof query.error === 'string') {
      const reason = String(query.error_description ?? query.error);
      await markStepUpEnded(this.deps, checked.nonce);
      await this.deps.audit?.record(
        stepUpEvent(checked.userId, checked.payload, { kind: 'abandoned', reason }),
      );
      return refused(
        400,
        'Verification was not completed',
        `Microsoft Entra said: ${reason}. Select Verify in Teams to try again.`,
      );
    }
    if (typeof query.code !== 'string' || query.code === '') {
      return refused(
        400,
        'Verification was not completed',
        'The sign-in page returned no authorization code. Select Verify in Teams to try again.',
      );
    }
    const { payload, userId, nonce, expiresAt } = checked;
    const alreadyUsed = alreadyUsedPage();
    if (await this.deps.oneTimeKeys.isUsed(`stepup:${nonce}`)) return alreadyUsed;
    // The account check comes first: someone else opening the link (a teammate who saw it) is
    // refused without spending its one use, so the requester can still complete it.
    const result = await this.deps.tokens.redeemStepUpCode({
      userId,
      code: query.code,
      redirectUri: this.redirectUri(),
      claims: payload.claims,
      codeVerifier: this.verifier(nonce),
    });
    if (!(await this.deps.oneTimeKeys.consume(`stepup:${nonce}`, expiresAt))) return alreadyUsed;
    await markStepUpEnded(this.deps, nonce);
    await this.deps.audit?.record(stepUpEvent(userId, payload, { kind: 'completed' }));
    const profile = await this.deps.users.get(payload.tenantId, userId);
    // The token satisfies the claims it was obtained for: asking for them again gives the same token.
    const delegated: DelegatedUser = { userId, accessToken: async () => result.accessToken };
    delegated.withClaims = () => delegated;
    const actor: Actor = {
      tenantId: payload.tenantId,
      userId,
      displayName: profile?.displayName ?? userId,
      timeZone: profile?.timeZone ?? 'UTC',
      delegated,
    };
    if (payload.decision) {
      void this.resumeDecision(actor, payload, payload.decision);
      return {
        kind: 'done',
        title: 'Verified',
        message: `Thanks. Elevate is now recording your decision on ${roleLabel(payload)}; the result appears in Teams. You can close this window.`,
      };
    }
    void this.resume(actor, payload);
    return {
      kind: 'done',
      title: 'Verified',
      message: `Thanks. Elevate is now ${payload.extend ? 'extending' : 'activating'} ${roleLabel(payload)} for you; the result appears in Teams. You can close this window.`,
    };
  }

  /** The approver's decision, sent again with the stepped-up token; the card it yields goes to the original chat. */
  private async resumeDecision(
    actor: Actor,
    payload: StepUpPayload,
    decision: NonNullable<StepUpPayload['decision']>,
  ): Promise<void> {
    const reference = await this.referenceFor(actor, payload);
    let card: AdaptiveCardJson;
    try {
      if (!this.deps.resumeDecision) throw new Error('approvals are not wired');
      card = await this.deps.resumeDecision(actor, decision);
    } catch (error) {
      this.deps.logger.error(
        { err: error, userId: actor.userId },
        'resuming the approval decision after step-up failed',
      );
      card = errorCard(
        error instanceof DomainError
          ? error
          : new DomainError(ErrorCodes.Internal, 'Your decision could not be sent after verification.', {
              remedy: 'Say "approvals" and decide again.',
            }),
        `Could not record your decision on ${roleLabel(payload)}`,
      );
    }
    if (!reference) return;
    await this.deps.messenger.send(reference, { card }).catch((error: unknown) => {
      this.deps.logger.error({ err: error, userId: actor.userId }, 'could not post the decision outcome');
    });
  }

  private async resume(actor: Actor, payload: StepUpPayload): Promise<void> {
    const reference = await this.referenceFor(actor, payload);
    await resumeActivation(this.deps, actor, payload, reference);
  }

  private async referenceFor(actor: Actor, payload: StepUpPayload) {
    if (payload.originConversationId) {
      const shared = await this.deps.conversations.getForConversation(payload.originConversationId);
      if (shared) return shared.reference;
    }
    const personal = await this.deps.conversations.getForUser(actor.tenantId, actor.userId);
    return personal?.reference;
  }

  private redirectUri(): string {
    return `${this.deps.publicBaseUrl}${STEP_UP_CALLBACK_PATH}`;
  }

  /** PKCE verifier derived from the nonce and the server secret: nothing to store between the two pages. */
  private verifier(nonce: string): string {
    return createHash('sha256').update(`${this.deps.secret}:pkce:${nonce}`).digest('base64url');
  }
}
