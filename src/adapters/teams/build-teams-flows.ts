import { ActivateRolesUseCase } from '../../app/activation/activate-roles.use-case';
import { ApproverResolver } from '../../app/activation/approver-resolver';
import { WhoHoldsWhatUseCase } from '../../app/channels/who-holds-what.use-case';
import { RequestStatusHandler } from '../../app/reconcile/request-status.handler';
import { ExtendActivationUseCase } from '../../app/reminders/extend-activation.use-case';
import { requestStatusWork } from '../../app/reminders/work-items';
import { WaitUntilEffective } from '../../app/shared/wait-until-effective';
import { buildApprovals } from './approvals/build-approvals';
import { approvalDecisionResumer } from './approvals/decision-resumer';
import type { TeamsBotDeps } from './build-teams-bot';
import { CardActionSigner } from './card-actions/card-action-signer';
import { EffectiveCardFollowUp } from './follow-ups/effective-card.follow-up';
import { CardParts } from './cards/card-parts';
import { ProactiveMessenger } from './proactive/proactive-messenger';
import { RoleLabels } from './reminders/role-labels';
import { TeamsReminderNotifier } from './reminders/teams-reminder-notifier';
import { StepUpService } from './step-up/step-up-service';

/**
 * The flows' use cases and what they send through, built in order, each before what calls it (no
 * late binding): the notifier and approvals, then activate (which asks for approval as one of its
 * steps), extend, and the step-up that resumes activations and approvers' decisions.
 */
export function buildTeamsFlows(deps: TeamsBotDeps) {
  const { store, pim, clock, logger, config } = deps;
  // Always a secret: CARD_SIGNING_KEY, or the per-install key demo mode generates (composition root).
  const signingSecret = config.cardSigningKey;
  if (!signingSecret)
    throw new Error('buildTeamsBot needs config.cardSigningKey (a secret of 32+ characters)');
  const signer = new CardActionSigner(signingSecret);
  const cardParts = new CardParts(store.compositeCards);
  const messenger = new ProactiveMessenger(deps.adapter, config.bot.appId ?? '', {
    ratePerSecond: config.proactiveSendRatePerSecond,
    parts: cardParts,
  });
  const approvers = new ApproverResolver(deps.directory);
  const who = new WhoHoldsWhatUseCase({
    pim,
    directory: deps.directory,
    trackedRequests: store.trackedRequests,
    clock,
  });
  const notifier = new TeamsReminderNotifier({
    store,
    messenger,
    signer,
    pim,
    approvers,
    labels: new RoleLabels(pim, deps.directory),
    directory: deps.directory,
    who,
    clock,
    tenantId: deps.tenantId,
  });
  const threads = new RequestStatusHandler({ trackedRequests: store.trackedRequests, pim, notifier, clock });
  const effective = new EffectiveCardFollowUp({
    wait: new WaitUntilEffective({ pim, clock }),
    messenger,
    logger,
    threads,
    cardCopies: store.cardCopies,
  });
  // Built in order, each before what calls it: approvals, then activate, extend and the step-up.
  const approvals = buildApprovals({
    pim,
    clock,
    logger,
    signer,
    approvers,
    adapter: deps.adapter,
    appId: config.bot.appId ?? '',
    proactive: messenger,
    store,
    auditLog: deps.auditLog,
    directory: deps.directory,
    tenantId: deps.tenantId,
    approvalsChannelId: config.approvalsChannelId,
    // The reconciler's request-status work keeps the request's announcements current (the thread
    // it was started in, and subscribed conversations).
    // A decision made in Teams shows in the channel thread at once, not at the next pass.
    onClosed: async (change) => {
      await store.workItems.scheduleIfAbsent(requestStatusWork(change));
      await threads.showInThreads(change);
    },
  });
  const activate = new ActivateRolesUseCase({
    pim,
    approvers,
    trackedRequests: store.trackedRequests,
    audit: deps.auditLog,
    clock,
    approvalRequests: approvals.request,
  });
  const extend = new ExtendActivationUseCase({
    pim,
    activate,
    approvers,
    trackedRequests: store.trackedRequests,
    audit: deps.auditLog,
    clock,
  });
  const stepUp = new StepUpService({
    audit: deps.auditLog,
    publicBaseUrl: config.publicBaseUrl,
    signer,
    secret: signingSecret,
    clock,
    tokens: deps.tokens,
    oneTimeKeys: store.oneTimeKeys,
    workItems: store.workItems,
    activate,
    extend,
    users: store.users,
    conversations: store.conversations,
    messenger,
    logger,
    effective,
    cardCopies: store.cardCopies,
    resumeDecision: approvalDecisionResumer(approvals.decide, { clock, signer }),
  });
  return {
    signingSecret,
    signer,
    messenger,
    cardParts,
    approvers,
    effective,
    who,
    notifier,
    approvals,
    activate,
    extend,
    stepUp,
  };
}
