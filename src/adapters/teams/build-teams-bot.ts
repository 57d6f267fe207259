import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { OneClickOrForm } from '../../app/activation/one-click-or-form';
import { AdminCheck } from '../../app/admin/admin-check';
import { DeactivateRoleUseCase } from '../../app/activation/deactivate-role.use-case';
import { CancelRequestUseCase } from '../../app/requests/cancel-request.use-case';
import { RequestEligibilityExtensionUseCase } from '../../app/reminders/request-eligibility-extension.use-case';
import { StatusUseCase } from '../../app/requests/status.use-case';
import { ListRolesUseCase } from '../../app/roles/list-roles.use-case';
import { CommandRouter, VerbRouter } from '../../app/routing';
import type { AppConfig } from '../../config/config';
import { isDomainError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { PimGateway } from '../../ports/pim-gateway';
import type { Store } from '../../ports/stores';
import type { AuditLog } from '../../ports/audit-log';
import type { TokenProvider } from '../../ports/token-provider';
import { stepUpPages } from '../http/step-up-pages';
import type { Logger } from '../observability/logger';
import { ActorResolver } from './actor-resolver';
import type { ApprovalsModule } from './approvals/build-approvals';
import { buildTeamsFlows } from './build-teams-flows';
import { CardActionSigner } from './card-actions/card-action-signer';
import { ConversationRecorder } from './conversation-recorder';
import { ElevateBot } from './elevate-bot';
import { errorCard } from './presenters/error-card.presenter';
import { ProactiveMessenger } from './proactive/proactive-messenger';
import { sendRefusal } from './routes/typed-refusal';
import { registerActivationRoutes } from './routes/activation.routes';
import { registerDeactivationRoutes } from './routes/deactivation.routes';
import { registerHelpRoutes, sendWelcome } from './routes/help.routes';
import { registerReminderSettingsRoutes } from './routes/reminder-settings.routes';
import { registerReminderRoutes } from './reminders/reminder.routes';
import { registerRequestRoutes } from './routes/requests.routes';
import { registerRolesRoutes } from './routes/roles.routes';
import { registerAdminRoutes } from './routes/admin-routes';
import type { AdminSettings } from '../../app/settings/admin-settings';
import { registerExtendRoutes } from './routes/extend.routes';
import { registerWhoRoutes } from './routes/who.routes';
import { TeamsReminderNotifier } from './reminders/teams-reminder-notifier';
import { ReadActivationCommandUseCase } from '../../app/commands/read-activation-command.use-case';
import { ticketPatternCache } from '../../domain/commands/ticket-pattern';
import { registerRefreshRoute } from './routes/refresh.routes';
import { registerActivationViewRoute } from './routes/activation-view.routes';
import { registerApprovalRoutes, showApprovalsList } from './approvals/approval.routes';
import type { RouteServices } from './routes/route-services';
import type { SsoTokenSource } from './sso/sso-token-source';
import type { TeamsTurn } from './teams-turn';
import { ChannelPermission } from '../../app/channels/channel-permission';
import { ManageChannelRoutesUseCase } from '../../app/channels/manage-channel-routes.use-case';
import { registerChannelRoutes } from './routes/channel.routes';

export interface TeamsBotDeps {
  config: AppConfig;
  adapter: CloudAdapter;
  store: Store;
  pim: PimGateway;
  directory: Directory;
  tokens: TokenProvider;
  sso: SsoTokenSource;
  clock: Clock;
  logger: Logger;
  tenantId: string;
  /** The audit trail every use case records to. */
  auditLog: AuditLog;
  /** The admins' settings (admin group, ticket pattern, reminder lead) over the configuration's. */
  adminSettings: AdminSettings;
  /** Registers extra HTTP routes (the step-up pages) on the server. */
  registerRoutes(register: (server: Server) => void): void;
}

export interface TeamsBot {
  run(context: TurnContext): Promise<void>;
  services: RouteServices;
  messenger: ProactiveMessenger;
  signer: CardActionSigner;
  commands: CommandRouter<TeamsTurn>;
  verbs: VerbRouter<TeamsTurn>;
  /** Approval cards and decisions; the reconciler calls `approvals.statusChanged`. */
  approvals: ApprovalsModule;
  /** Reminders, ended notes and channel threads: the scheduler sends through the same notifier. */
  notifier: TeamsReminderNotifier;
  /** Resolves once the work turns started after answering (the "effective" card updates) is done. */
  afterTurnWork(): Promise<void>;
}

/** Builds use cases, routes and the Teams activity handler. */
export function buildTeamsBot(deps: TeamsBotDeps): TeamsBot {
  const { store, pim, clock, logger, config } = deps;
  const flows = buildTeamsFlows(deps);
  const { signer, messenger, approvals } = flows;
  deps.registerRoutes(stepUpPages(flows.stepUp, logger));

  const ticketPatterns = ticketPatternCache();
  const recorder = new ConversationRecorder({
    conversations: store.conversations,
    users: store.users,
    defaultTenantId: deps.tenantId,
    logger,
  });
  const services: RouteServices = {
    actors: new ActorResolver({
      onVerified: (turn) => recorder.record(turn),
      sso: deps.sso,
      tokens: deps.tokens,
      users: store.users,
      defaultTenantId: deps.tenantId,
    }),
    listRoles: new ListRolesUseCase(pim),
    activate: flows.activate,
    oneClickOrForm: new OneClickOrForm(pim),
    deactivate: new DeactivateRoleUseCase({ pim, audit: deps.auditLog, clock }),
    status: new StatusUseCase({
      pim,
      trackedRequests: store.trackedRequests,
      clock,
      approvers: flows.approvers,
    }),
    cancel: new CancelRequestUseCase({
      pim,
      trackedRequests: store.trackedRequests,
      audit: deps.auditLog,
      clock,
      onCancelled: approvals.cancelled,
    }),
    approvers: flows.approvers,
    admins: new AdminCheck({
      directory: deps.directory,
      clock,
      adminGroupId: async () => (await deps.adminSettings.current()).adminGroupId,
    }),
    users: store.users,
    cardCopies: store.cardCopies,
    cardParts: flows.cardParts,
    stepUp: flows.stepUp,
    clock,
    signer,
    logger,
    privately: { conversations: store.conversations, messenger, logger },
    effective: flows.effective,
    maxRolesPerRequest: config.maxRolesPerRequest,
    readActivation: new ReadActivationCommandUseCase(pim),
    grammar: {
      // The admins' ticket pattern as last read (refreshed at the start of every turn).
      get ticketPattern() {
        return ticketPatterns.of(deps.adminSettings.snapshot().ticketPattern);
      },
      shiftEnd: config.grammar.shiftEnd,
    },
  };

  const commands = new CommandRouter<TeamsTurn>();
  const verbs = new VerbRouter<TeamsTurn>();
  registerRolesRoutes(services, commands, verbs);
  registerActivationRoutes(services, commands, verbs);
  registerActivationViewRoute(services, verbs);
  registerDeactivationRoutes(services, commands, verbs);
  registerRequestRoutes(services, commands, verbs);
  registerReminderSettingsRoutes(services, commands);
  // The same Extend use case for the reminder button and the `extend` chat command.
  registerExtendRoutes(services, commands, flows.extend);
  registerWhoRoutes(
    {
      who: flows.who,
      boards: store.channelBoards,
      users: store.users,
      messenger,
      signer,
      clock,
      defaultTenantId: deps.tenantId,
    },
    commands,
    verbs,
  );
  registerReminderRoutes(services, verbs, {
    extend: flows.extend,
    eligibilityExtension: new RequestEligibilityExtensionUseCase({ pim, audit: deps.auditLog, clock }),
  });
  registerAdminRoutes({
    services,
    commands,
    verbs,
    settings: deps.adminSettings,
    store,
    pim,
    directory: deps.directory,
    auditLog: deps.auditLog,
    clock,
  });
  registerHelpRoutes(services, commands);
  registerApprovalRoutes(
    services,
    {
      decide: approvals.decide,
      list: approvals.list,
      oneTimeKeys: store.oneTimeKeys,
      privately: { conversations: store.conversations, messenger, logger: deps.logger },
    },
    verbs,
  );
  const channelRoutes = new ManageChannelRoutesUseCase({
    routes: store.channelRoutes,
    pim,
    permission: new ChannelPermission({
      directory: deps.directory,
      admins: services.admins,
    }),
    audit: deps.auditLog,
    clock,
  });
  registerChannelRoutes(
    {
      routes: channelRoutes,
      conversations: store.conversations,
      messenger,
      defaultTenantId: deps.tenantId,
      showMyApprovals: (turn) => showApprovalsList(services, approvals.list, turn, 'send'),
    },
    commands,
  );
  registerRefreshRoute(services, verbs, {
    approvals: {
      subject: 'approvals',
      show: (turn) => showApprovalsList(services, approvals.list, turn, 'answer'),
    },
  });

  const bot = new ElevateBot({
    commands: {
      dispatch: async (text, turn) => {
        try {
          await commands.dispatch(text, turn);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          logger.info({ code: error.code, activityId: turn.activity.id }, 'command refused');
          // In a channel or group chat, to the person privately (it may list what they hold).
          await sendRefusal(services.privately, turn, errorCard(error));
        }
      },
    },
    verbs,
    recorder,
    welcome: (turn) => sendWelcome(services, turn),
    removed: async (turn) => {
      const removed = await channelRoutes.forget(turn.conversationId, turn.userId ?? 'system:teams');
      logger.info(
        { removed, conversationKind: turn.conversationKind },
        'Elevate removed from a conversation',
      );
    },
    logger,
    sso: deps.sso,
  });

  const run = async (context: TurnContext) => {
    await deps.adminSettings.current();
    return bot.run(context);
  };
  return {
    run,
    services,
    messenger,
    signer,
    commands,
    verbs,
    approvals,
    notifier: flows.notifier,
    afterTurnWork: () => flows.effective.settled(),
  };
}
