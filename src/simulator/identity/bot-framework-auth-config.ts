import { BOT_CHANNEL_ISSUER, BOT_OPENID_PATH } from './bot-framework-channel';

/**
 * Settings for botbuilder's `ConfigurationBotFrameworkAuthentication` that make the bot validate
 * channel → bot tokens against the simulator's Bot Connector metadata (all "parameterized" keys are
 * set, because botframework-connector uses none of its defaults once any of them is present).
 *
 * Outbound bot → connector tokens: botframework-connector's own credential factory builds an
 * msal-node client from `ToChannelFromBotLoginUrl` alone, which MSAL refuses for http. Pass a
 * `MsalServiceClientCredentialsFactory(appId, new ConfidentialClientApplication({ auth: { clientId,
 * clientSecret, ...simulatorMsalAuthority(baseUrl, 'botframework.com') } }))` as the credentials factory.
 */
export function simulatorBotFrameworkAuthConfig(
  baseUrl: string,
  appId: string,
  tenantId: string,
): Record<string, string> {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    MicrosoftAppId: appId,
    MicrosoftAppTenantId: tenantId,
    MicrosoftAppType: 'SingleTenant',
    ValidateAuthority: 'false',
    ToChannelFromBotLoginUrl: `${base}/botframework.com`,
    ToChannelFromBotOAuthScope: BOT_CHANNEL_ISSUER,
    ToBotFromChannelTokenIssuer: BOT_CHANNEL_ISSUER,
    OAuthUrl: `${base}/botframework/oauth`,
    ToBotFromChannelOpenIdMetadataUrl: `${base}${BOT_OPENID_PATH}`,
    ToBotFromEmulatorOpenIdMetadataUrl: `${base}/${tenantId}/v2.0/.well-known/openid-configuration`,
    CallerId: 'urn:botframework:azure',
  };
}
