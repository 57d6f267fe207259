import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { AppConfig } from '../../config/config';
import type { Clock } from '../../ports/clock';
import { isDomainError } from '../../domain/errors';
import { localBotFrameworkAuthentication } from './local-bot-framework';
import type { Logger } from '../observability/logger';
import { currentTurn } from '../observability/turn-context';
import { ReusingBotFrameworkAuthentication } from './reusing-bot-framework-authentication';

export interface CloudAdapterOverrides {
  /**
   * Extra Bot Framework auth settings (e.g. the simulator's channel OpenID metadata), so the
   * authenticated mode can run against local issuers in tests.
   */
  authentication?: ConfigurationBotFrameworkAuthenticationOptions;
}

export type ActivityProcessing =
  { status: number; body?: unknown } | { status: 401; refused: 'authentication'; reason: string };

/**
 * botbuilder's CloudAdapter, with authentication and the turn as two steps, so a refused token is
 * always 401 (CloudAdapter.process answers some bad tokens 500 and prints the error, which can
 * hold key material, to the console) and the activity reaching the turn is the one the edge
 * validated.
 */
export class ElevateCloudAdapter extends CloudAdapter {
  constructor(readonly authentication: BotFrameworkAuthentication) {
    super(authentication);
  }

  async processValidated(
    activity: Activity,
    authHeader: string,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<ActivityProcessing> {
    let authenticated: Awaited<ReturnType<BotFrameworkAuthentication['authenticateRequest']>>;
    try {
      authenticated = await this.authentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      // The reason names the check that failed (its error class), never the token or a key.
      const reason = error instanceof Error ? error.name || 'Error' : typeof error;
      return { status: 401, refused: 'authentication', reason };
    }
    const response = await this.processActivity(authenticated, activity, logic);
    return { status: response?.status ?? 200, body: response?.body };
  }
}

/**
 * CloudAdapter for both modes. Demo mode has no app id, which botbuilder treats as anonymous
 * auth (the config schema refuses that on any non-loopback address).
 */
export function createCloudAdapter(
  config: AppConfig,
  logger: Logger,
  clock: Clock,
  overrides: CloudAdapterOverrides = {},
): ElevateCloudAdapter {
  const local =
    config.mode === 'tenant' && config.botFrameworkLocalUrl
      ? localBotFrameworkAuthentication(
          config.botFrameworkLocalUrl,
          {
            appId: config.bot.appId ?? '',
            password: config.bot.appPassword ?? '',
            tenantId: config.bot.tenantId ?? '',
          },
          clock,
        )
      : undefined;
  const options: ConfigurationBotFrameworkAuthenticationOptions =
    config.mode === 'tenant'
      ? {
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.appPassword,
          MicrosoftAppTenantId: config.bot.tenantId,
          MicrosoftAppType: config.bot.appType,
          ...local?.options,
          ...overrides.authentication,
        }
      : { ...overrides.authentication };
  const adapter = new ElevateCloudAdapter(
    new ReusingBotFrameworkAuthentication(
      new ConfigurationBotFrameworkAuthentication(options, local?.credentialsFactory),
    ),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const activity = context.activity;
    const reference = currentTurn()?.clientRequestId ?? activity.id ?? 'unknown';
    logger.error(
      {
        err: error,
        code: isDomainError(error) ? error.code : 'INTERNAL',
        activityId: activity.id,
        activityType: activity.type,
        conversationId: activity.conversation?.id,
      },
      'turn failed',
    );
    if (activity.type === 'invoke') return;
    try {
      await context.sendActivity(
        "Sorry, something went wrong on Elevate's side and your request was not completed. " +
          'Please try again in a moment; if it keeps happening, give the reference below to your Teams admin.\n\n' +
          `Details: reference ${reference}`,
      );
    } catch (sendError) {
      logger.error(
        { err: sendError, activityId: activity.id },
        'could not tell the user about the failed turn',
      );
    }
  };
  return adapter;
}
