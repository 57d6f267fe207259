import jwt from 'jsonwebtoken';
import type { SeedDirectory } from '../directory-types';
import { EntraOAuthError } from './entra-error';
import type { SigningKey } from './signing-key';

/** The issuer of Bot Connector channel → bot tokens (`AuthenticationConstants.ToBotFromChannelTokenIssuer`). */
export const BOT_CHANNEL_ISSUER = 'https://api.botframework.com';
export const BOT_CHANNEL_ENDORSEMENTS = ['msteams'];
export const BOT_CHANNEL_TOKEN_LIFETIME_SECONDS = 3600;

export const BOT_OPENID_PATH = '/botframework/v1/.well-known/openidconfiguration';
export const BOT_KEYS_PATH = '/botframework/v1/.well-known/keys';
export const BOT_TOKEN_PATH = '/botframework/token';

/**
 * The simulated Bot Connector's side of channel authentication: its OpenID metadata, its signing keys
 * (endorsed for `msteams`), and channel → bot tokens as the connector sends them on each activity.
 *
 * Channel tokens use real wall-clock time, not the SimClock: the bot validates them with
 * botframework-connector, which judges `exp`/`nbf` against the machine's clock.
 */
export class BotFrameworkChannel {
  constructor(
    private readonly key: SigningKey,
    private readonly baseUrl: () => string,
    private readonly getDirectory: () => SeedDirectory,
  ) {}

  openIdConfiguration(): Record<string, unknown> {
    const base = this.baseUrl();
    return {
      issuer: BOT_CHANNEL_ISSUER,
      authorization_endpoint: `${base}/botframework/v1/authorize`,
      jwks_uri: `${base}${BOT_KEYS_PATH}`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    };
  }

  keys(): { keys: Record<string, unknown>[] } {
    return { keys: [{ ...this.key.jwk, endorsements: BOT_CHANNEL_ENDORSEMENTS }] };
  }

  /** A channel → bot token for `appId` (must be an app of the seed), with the `serviceurl` claim when given. */
  issueChannelToken(form: Record<string, string>): Record<string, string | number> {
    const appId = form.appId ?? form.appid;
    if (!appId) {
      throw new EntraOAuthError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'appId' (the bot's Microsoft App Id).",
      );
    }
    const apps = this.getDirectory().apps;
    if (!apps.some((a) => a.appId.toLowerCase() === appId.toLowerCase())) {
      throw new EntraOAuthError(
        400,
        'unauthorized_client',
        700016,
        `Bot application '${appId}' is not an app of the simulator's seed; known: ${apps.map((a) => a.appId).join(', ')}.`,
      );
    }
    const serviceUrl = form.serviceUrl ?? form.serviceurl;
    if (serviceUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(serviceUrl)) {
      throw new EntraOAuthError(
        400,
        'invalid_request',
        90014,
        `serviceUrl '${serviceUrl}' is not an absolute http(s) URL.`,
      );
    }
    const now = Math.floor(Date.now() / 1000);
    const token = jwt.sign(
      {
        iss: BOT_CHANNEL_ISSUER,
        aud: appId,
        nbf: now,
        exp: now + BOT_CHANNEL_TOKEN_LIFETIME_SECONDS,
        ...(serviceUrl ? { serviceurl: serviceUrl } : {}),
      },
      this.key.privateKey,
      { algorithm: 'RS256', keyid: this.key.kid, noTimestamp: true },
    );
    return {
      token_type: 'Bearer',
      expires_in: BOT_CHANNEL_TOKEN_LIFETIME_SECONDS,
      ext_expires_in: BOT_CHANNEL_TOKEN_LIFETIME_SECONDS,
      access_token: token,
    };
  }
}
