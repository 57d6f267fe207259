import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { Clock } from '../../../ports/clock';
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
 * Like Teams' token service, it hands out the same token until shortly before it expires (judged
 * by the simulator's clock), so msal's on-behalf-of cache, keyed by that token, can answer.
 */
export class DemoSsoTokenSource implements SsoTokenSource {
  private readonly tokens = new Map<string, { token: string; exp: number }>();

  constructor(
    private readonly sso: SimulatedTeamsSso,
    private readonly appId: string,
    private readonly clock: Clock,
  ) {}

  async getToken(turn: TeamsTurn): Promise<string | undefined> {
    const userId = turn.userId;
    if (!userId) return undefined;
    const cached = this.tokens.get(userId);
    if (cached && cached.exp - RENEW_BEFORE_SECONDS > this.clock.now().toSeconds()) return cached.token;
    const token = await this.issue(userId);
    const exp = expiry(token);
    if (exp !== undefined) {
      if (this.tokens.size >= MAX_CACHED_USERS) this.tokens.clear();
      this.tokens.set(userId, { token, exp });
    }
    return token;
  }

  private async issue(userId: string): Promise<string> {
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
        'Your account is not a user of the demo tenant, so Elevate cannot sign you in.',
        {
          remedy:
            'In demo mode, chat as one of the demo tenant users (for example Alex Morgan); the playground config (.m365agentsplayground.yml) sets who you are.',
        },
      );
    }
  }
}

/** A cached token is replaced this long before its `exp` (Teams renews ahead of expiry too). */
const RENEW_BEFORE_SECONDS = 5 * 60;
const MAX_CACHED_USERS = 10_000;

/** The `exp` claim (epoch seconds) of a JWT, if it has one. */
function expiry(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp : undefined;
  } catch {
    return undefined;
  }
}
