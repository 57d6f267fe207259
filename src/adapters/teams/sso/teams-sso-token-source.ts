import { CardFactory, type CloudAdapter } from 'botbuilder';
import type { UserTokenClient } from 'botframework-connector';
import type { TeamsTurn } from '../teams-turn';
import type { SsoTokenSource } from './sso-token-source';

/**
 * Tenant mode: the user's token from the Azure Bot OAuth connection (Teams SSO through the token
 * exchange, `api://botid-{appId}`). When there is none yet, sends an OAuth card carrying the
 * token-exchange resource, so Teams performs SSO silently and only falls back to the sign-in
 * button when it cannot. This is what botbuilder-dialogs' OAuthPrompt does; we call the same
 * UserTokenClient directly because botbuilder-dialogs' install script cannot run offline.
 */
export class TeamsSsoTokenSource implements SsoTokenSource {
  constructor(private readonly connectionName: string) {}

  private client(turn: TeamsTurn): UserTokenClient {
    const adapter = turn.context.adapter as CloudAdapter;
    const client = turn.context.turnState.get<UserTokenClient>(adapter.UserTokenClientKey);
    if (!client) throw new Error('The Bot Framework user token client is not available in this turn');
    return client;
  }

  async getToken(turn: TeamsTurn): Promise<string | undefined> {
    const userId = turn.activity.from.id;
    const client = this.client(turn);
    const token = await client.getUserToken(userId, this.connectionName, turn.activity.channelId, '');
    if (token?.token) return token.token;
    const resource = await client.getSignInResource(this.connectionName, turn.activity, '');
    const card = CardFactory.oauthCard(
      this.connectionName,
      'Sign in to Elevate',
      'Elevate acts for you in Microsoft Entra PIM with your own permissions. Sign in once; Teams remembers it.',
      resource.signInLink,
      resource.tokenExchangeResource,
      resource.tokenPostResource,
    );
    await turn.context.sendActivity({ attachments: [card] });
    return undefined;
  }

  /** Handles Teams' `signin/tokenExchange` invoke; false means Teams should show the sign-in card. */
  async exchange(turn: TeamsTurn, exchangeToken: string): Promise<boolean> {
    const result = await this.client(turn).exchangeToken(
      turn.activity.from.id,
      this.connectionName,
      turn.activity.channelId,
      { token: exchangeToken },
    );
    return Boolean(result?.token);
  }

  /** Handles Teams' `signin/verifyState` invoke: the state is the code that completes the sign-in. */
  async verifyState(turn: TeamsTurn, state: string): Promise<boolean> {
    const token = await this.client(turn).getUserToken(
      turn.activity.from.id,
      this.connectionName,
      turn.activity.channelId,
      state,
    );
    return Boolean(token?.token);
  }
}
