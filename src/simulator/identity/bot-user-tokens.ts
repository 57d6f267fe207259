import { randomInt, randomUUID } from 'node:crypto';
import type { SeedApp, SeedDirectory, SeedUser } from '../directory-types';
import type { SimClock } from '../sim-clock';
import { BOT_FRAMEWORK_AUDIENCE } from './scopes';
import type { SigningKey } from './signing-key';
import type { TokenIssuer } from './token-issuer';
import { TokenRejectedError, verifySimulatorToken } from './token-verification';

/** An error of the user-token service, answered in the Bot Framework `ErrorResponse` shape. */
export class UserTokenServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** `TokenResponse` of the Bot Framework token API. */
export interface UserTokenResponse {
  channelId: string;
  connectionName: string;
  token: string;
  expiration: string;
}

/** What botframework-connector's `createTokenExchangeState` encodes into `state` (base64 JSON). */
interface TokenExchangeState {
  connectionName?: string;
  msAppId?: string;
}

interface SignIn {
  userObjectId: string;
  cached?: { token: string; exp: number };
}

/** A magic code shown on the sign-in page, waiting for the bot to redeem it. */
interface PendingCode {
  appId: string;
  connectionName: string;
  userObjectId: string;
  expiresAt: number;
}

const MAGIC_CODE_LIFETIME_SECONDS = 5 * 60;
/** Like the real service, the same token is handed out until shortly before it expires. */
const RENEW_BEFORE_SECONDS = 5 * 60;
const MAX_SIGN_INS = 10_000;

/**
 * The Bot Framework user-token service (Azure Bot Service's OAuth connection store) for one bot at a
 * time: per (bot app, channel user id, connection) it remembers who signed in, and hands out that
 * user's token for the bot's own API (`api://botid-{appId}`, scope `access_as_user`), which the bot
 * exchanges on-behalf-of for Graph, as with a real Teams SSO connection. A user signs in either by a
 * token exchange (Teams' silent SSO: the client's token for `api://botid-{appId}`) or through the
 * sign-in link, whose page shows a magic code the bot redeems with GetToken(code).
 *
 * Every call must carry the bot's own token (client credentials for https://api.botframework.com).
 */
export class BotUserTokens {
  private readonly signIns = new Map<string, SignIn>();
  private readonly codes = new Map<string, PendingCode>();

  constructor(
    private readonly key: SigningKey,
    private readonly issuer: TokenIssuer,
    private readonly clock: SimClock,
    private readonly getDirectory: () => SeedDirectory,
  ) {}

  /** The bot app calling, from its `Authorization: Bearer` token; throws 401 when it is not one. */
  callingApp(authorization: string | undefined): SeedApp {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token)
      throw new UserTokenServiceError(401, 'Unauthorized', 'A bearer token of the bot is required.');
    const directory = this.getDirectory();
    let appId: string | undefined;
    try {
      const claims = verifySimulatorToken(token, this.key, this.clock, {
        issuers: [this.issuer.issuer(directory.tenant.id)],
        audiences: [BOT_FRAMEWORK_AUDIENCE],
      });
      appId = claims.idtyp === 'app' ? (claims.appid ?? claims.azp) : undefined;
    } catch (error) {
      if (error instanceof TokenRejectedError) {
        throw new UserTokenServiceError(401, 'Unauthorized', `The bot's token was refused: ${error.message}`);
      }
      throw error;
    }
    const app = directory.apps.find((a) => a.appId.toLowerCase() === appId?.toLowerCase());
    if (!app) throw new UserTokenServiceError(401, 'Unauthorized', 'The token is not an app token of a bot.');
    return app;
  }

  /** GetToken: the stored sign-in's token, or (with a magic code) completes a sign-in first; undefined is 404. */
  getToken(
    app: SeedApp,
    q: { userId: string; connectionName: string; channelId: string; code?: string },
  ): UserTokenResponse | undefined {
    if (q.code) this.redeemCode(app, q.userId, q.connectionName, q.code);
    const signIn = this.signIns.get(signInKey(app.appId, q.userId, q.connectionName));
    if (!signIn) return undefined;
    return this.tokenFor(app, signIn, q.connectionName, q.channelId);
  }

  /** POST exchange: Teams' SSO token for the bot's API becomes a stored sign-in for `userId`. */
  exchange(
    app: SeedApp,
    q: { userId: string; connectionName: string; channelId: string },
    body: { token?: unknown },
  ): UserTokenResponse {
    if (typeof body.token !== 'string' || body.token === '') {
      throw new UserTokenServiceError(400, 'BadArgument', 'The exchange request needs a token.');
    }
    let oid: string | undefined;
    try {
      const claims = verifySimulatorToken(body.token, this.key, this.clock, {
        issuers: [this.issuer.issuer(this.getDirectory().tenant.id)],
        audiences: [`api://botid-${app.appId}`, app.appId],
      });
      oid = claims.idtyp === 'user' ? claims.oid : undefined;
    } catch (error) {
      if (error instanceof TokenRejectedError) {
        throw new UserTokenServiceError(
          400,
          'ExchangeFailed',
          `The token cannot be exchanged: ${error.message}`,
        );
      }
      throw error;
    }
    const user = this.user(oid);
    if (!user) throw new UserTokenServiceError(400, 'ExchangeFailed', 'The token is not a user token.');
    const signIn = this.remember(app.appId, q.userId, q.connectionName, user.id);
    return this.tokenFor(app, signIn, q.connectionName, q.channelId);
  }

  /** GetSignInResource: the sign-in link (carrying the bot's state) and the token-exchange resource. */
  signInResource(baseUrl: string, app: SeedApp, state: string): Record<string, unknown> {
    const decoded = decodeState(state);
    if (!decoded.connectionName || (decoded.msAppId && decoded.msAppId !== app.appId)) {
      throw new UserTokenServiceError(
        400,
        'BadArgument',
        'The state does not name a connection of this bot.',
      );
    }
    return {
      signInLink: `${baseUrl}/botframework/signin?state=${encodeURIComponent(state)}`,
      tokenExchangeResource: {
        id: randomUUID(),
        uri: `api://botid-${app.appId}`,
        providerId: 'simulator-entra',
      },
    };
  }

  /** The sign-in page's POST: the user's name and password; returns the magic code to type in the chat. */
  signInWithPassword(state: string, username: string, password: string): string {
    const decoded = decodeState(state);
    const app = this.getDirectory().apps.find((a) => a.appId === decoded.msAppId);
    if (!app || !decoded.connectionName) {
      throw new UserTokenServiceError(400, 'BadArgument', 'This sign-in link is not one a bot asked for.');
    }
    const user = this.getDirectory().users.find(
      (u) => u.userPrincipalName.toLowerCase() === username.trim().toLowerCase(),
    );
    if (!user || user.password !== password) {
      throw new UserTokenServiceError(403, 'InvalidCredentials', 'The user name or password is not right.');
    }
    const code = String(randomInt(100_000, 1_000_000));
    this.codes.set(code, {
      appId: app.appId,
      connectionName: decoded.connectionName,
      userObjectId: user.id,
      expiresAt: this.now() + MAGIC_CODE_LIFETIME_SECONDS,
    });
    return code;
  }

  /** DELETE SignOut: forgets the user's sign-in for one connection, or for all of this bot's. */
  signOut(app: SeedApp, q: { userId: string; connectionName?: string }): void {
    const prefix = signInKey(app.appId, q.userId, '');
    for (const key of [...this.signIns.keys()]) {
      if (q.connectionName ? key === prefix + q.connectionName : key.startsWith(prefix))
        this.signIns.delete(key);
    }
  }

  /** A sign-in made earlier (seeded): `userObjectId` has signed in to the bot's connection as `userId`. */
  signedIn(appId: string, userId: string, connectionName: string, userObjectId: string): void {
    if (!this.user(userObjectId))
      throw new Error(`signedIn: no user '${userObjectId}' in the seed directory.`);
    this.remember(appId, userId, connectionName, userObjectId);
  }

  clear(): void {
    this.signIns.clear();
    this.codes.clear();
  }

  private redeemCode(app: SeedApp, userId: string, connectionName: string, code: string): void {
    const pending = this.codes.get(code);
    if (!pending || pending.appId !== app.appId || pending.connectionName !== connectionName) return;
    this.codes.delete(code);
    if (pending.expiresAt <= this.now()) return;
    this.remember(app.appId, userId, connectionName, pending.userObjectId);
  }

  private remember(appId: string, userId: string, connectionName: string, userObjectId: string): SignIn {
    if (this.signIns.size >= MAX_SIGN_INS) this.signIns.clear();
    const signIn: SignIn = { userObjectId };
    this.signIns.set(signInKey(appId, userId, connectionName), signIn);
    return signIn;
  }

  private tokenFor(
    app: SeedApp,
    signIn: SignIn,
    connectionName: string,
    channelId: string,
  ): UserTokenResponse {
    const user = this.user(signIn.userObjectId);
    if (!user) throw new UserTokenServiceError(404, 'NotFound', 'The signed-in user no longer exists.');
    if (!signIn.cached || signIn.cached.exp - RENEW_BEFORE_SECONDS <= this.now()) {
      const minted = this.issuer.delegatedAccessToken({
        tenantId: this.getDirectory().tenant.id,
        app,
        user,
        audience: `api://botid-${app.appId}`,
        scp: ['access_as_user'],
        amr: ['pwd'],
        acrs: [],
        xmsCc: ['cp1'],
      });
      signIn.cached = { token: minted.token, exp: minted.expiresAt };
    }
    return {
      channelId,
      connectionName,
      token: signIn.cached.token,
      expiration: new Date(signIn.cached.exp * 1000).toISOString(),
    };
  }

  private user(id: string | undefined): SeedUser | undefined {
    return id ? this.getDirectory().users.find((u) => u.id.toLowerCase() === id.toLowerCase()) : undefined;
  }

  private now(): number {
    return Math.floor(this.clock.now().toSeconds());
  }
}

function signInKey(appId: string, userId: string, connectionName: string): string {
  return `${appId.toLowerCase()}\n${userId}\n${connectionName}`;
}

function decodeState(state: string): TokenExchangeState {
  try {
    // JavaScript SDKs write camelCase keys, the .NET SDK PascalCase ones.
    const parsed = JSON.parse(Buffer.from(state, 'base64').toString('utf8')) as Record<
      string,
      unknown
    > | null;
    const text = (a: string, b: string) => {
      const value = parsed?.[a] ?? parsed?.[b];
      return typeof value === 'string' ? value : undefined;
    };
    return { connectionName: text('connectionName', 'ConnectionName'), msAppId: text('msAppId', 'MsAppId') };
  } catch {
    return {};
  }
}
