import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { TeamsTurn } from '../teams-turn';
import type { SsoTokenSource } from './sso-token-source';

/** The part of the simulator's identity service that stands in for Teams' silent SSO. */
export interface SimulatedTeamsSso {
  issueTokenForTests(opts: {
    userId?: string;
    appId?: string;
    scopes?: string[];
    audience?: string;
  }): Promise<string>;
}

/**
 * Demo mode: Teams SSO is silent after consent, so the simulator issues the sender an SSO token
 * for the bot's app (like Teams would), and the real on-behalf-of code exchanges it against the
 * simulator's token endpoint. Users unknown to the simulated tenant are refused with SIGN_IN_REQUIRED.
 */
export class DemoSsoTokenSource implements SsoTokenSource {
  constructor(
    private readonly sso: SimulatedTeamsSso,
    private readonly appId: string,
  ) {}

  async getToken(turn: TeamsTurn): Promise<string | undefined> {
    const userId = turn.userId;
    if (!userId) return undefined;
    try {
      return await this.sso.issueTokenForTests({
        userId,
        appId: this.appId,
        audience: `api://botid-${this.appId}`,
        scopes: ['access_as_user'],
      });
    } catch (error) {
      // The simulator did not answer (SIMULATOR_URL): say so, not "unknown user".
      if (error instanceof DomainError) throw error;
      // Teams would not have an SSO token either: the account is not in this (simulated) tenant.
      throw new DomainError(
        ErrorCodes.SignInRequired,
        `Your account (Entra object id ${userId}) is not a user of the demo tenant, so Elevate cannot sign you in.`,
        {
          remedy:
            'In demo mode, chat as one of the demo tenant users (for example Alex Morgan); the playground config (.m365agentsplayground.yml) sets who you are.',
        },
      );
    }
  }
}
