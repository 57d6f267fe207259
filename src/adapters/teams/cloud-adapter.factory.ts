import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../../config/config';
import type { Logger } from '../observability/logger';

export interface CloudAdapterOverrides {
  /**
   * Extra Bot Framework auth settings (e.g. the simulator's channel OpenID metadata), so the
   * authenticated mode can run against local issuers in tests.
   */
  authentication?: ConfigurationBotFrameworkAuthenticationOptions;
}

/**
 * CloudAdapter for both modes. Demo mode has no app id, which botbuilder treats as anonymous
 * auth (the config schema refuses that on any non-loopback address).
 */
export function createCloudAdapter(
  config: AppConfig,
  logger: Logger,
  overrides: CloudAdapterOverrides = {},
): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions =
    config.mode === 'tenant'
      ? {
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.appPassword,
          MicrosoftAppTenantId: config.bot.tenantId,
          MicrosoftAppType: config.bot.appType,
          ...overrides.authentication,
        }
      : { ...overrides.authentication };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const activity = context.activity;
    logger.error(
      {
        err: error,
        activityId: activity.id,
        activityType: activity.type,
        conversationId: activity.conversation?.id,
      },
      'turn failed',
    );
    if (activity.type === 'invoke') return;
    try {
      await context.sendActivity(
        `Sorry, something went wrong on Elevate's side and your request was not completed (reference ${activity.id ?? 'unknown'}). ` +
          'Please try again in a moment; if it keeps happening, give this reference to your Teams admin.',
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
