import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Clock } from '../../ports/clock';

/** What a WebResource needs for signing (botbuilder-stdlib's WebResourceLike, structurally). */
interface SignableRequest {
  headers: { set(name: string, value: string): void };
}

/**
 * Tenant mode against the simulator on this machine (BOT_FRAMEWORK_LOCAL_URL, loopback only):
 * channel tokens are validated with the simulator's Bot Framework OpenID metadata, the bot's own
 * outgoing token comes from the simulator's Entra token endpoint (client credentials for
 * https://api.botframework.com/.default), and the user-token service (Teams SSO) is the
 * simulator's. botframework-connector builds its outgoing credentials with msal-node, which
 * refuses an http authority, so the outgoing token is fetched here instead, through the
 * credentials factory botbuilder lets a bot supply. Its expiry is judged by the bot's clock, which
 * is the simulator's in tests that move it.
 */
export function localBotFrameworkAuthentication(
  localUrl: string,
  app: { appId: string; password: string; tenantId: string },
  clock: Clock,
): {
  options: ConfigurationBotFrameworkAuthenticationOptions;
  credentialsFactory: ServiceClientCredentialsFactory;
} {
  const base = localUrl.replace(/\/+$/, '');
  return {
    options: {
      ToBotFromChannelOpenIdMetadataUrl: `${base}/botframework/v1/.well-known/openidconfiguration`,
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      OAuthUrl: base,
      ToChannelFromBotLoginUrl: `${base}/${app.tenantId}`,
      ValidateAuthority: false,
    },
    credentialsFactory: new LocalCredentialsFactory(`${base}/${app.tenantId}/oauth2/v2.0/token`, app, clock),
  };
}

class LocalCredentialsFactory extends ServiceClientCredentialsFactory {
  private token?: { value: string; expiresAt: number };

  constructor(
    private readonly tokenUrl: string,
    private readonly app: { appId: string; password: string },
    private readonly clock: Clock,
  ) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.app.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(): Promise<{ signRequest<T extends SignableRequest>(request: T): Promise<T> }> {
    return {
      signRequest: async (request) => {
        request.headers.set('authorization', `Bearer ${await this.accessToken()}`);
        return request;
      },
    };
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.clock.now().toMillis() + 60_000) return this.token.value;
    const response = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.app.appId,
        client_secret: this.app.password,
        scope: 'https://api.botframework.com/.default',
      }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      throw new Error(`The local Bot Framework token endpoint answered HTTP ${response.status}`);
    }
    const body = (await response.json()) as { access_token: string; expires_in: number };
    this.token = {
      value: body.access_token,
      expiresAt: this.clock.now().toMillis() + body.expires_in * 1000,
    };
    return body.access_token;
  }
}
