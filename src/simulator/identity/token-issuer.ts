import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { SeedApp, SeedUser } from '../directory-types';
import type { SimClock } from '../sim-clock';
import { servicePrincipalObjectId } from './service-principal-id';
import type { SigningKey } from './signing-key';

/** Lifetime of every access and id token the simulator issues, judged against the SimClock. */
export const TOKEN_LIFETIME_SECONDS = 3600;

export interface DelegatedTokenRequest {
  tenantId: string;
  app: SeedApp;
  user: SeedUser;
  audience: string;
  scp: string[];
  amr: string[];
  acrs: string[];
  /** Client capabilities declared in the token request (`xms_cc`); omitted from the token when empty. */
  xmsCc?: string[];
}

export interface AppTokenRequest {
  tenantId: string;
  app: SeedApp;
  audience: string;
  roles: string[];
}

export interface SignedToken {
  token: string;
  /** Seconds since the epoch (SimClock). */
  expiresAt: number;
}

/** Signs the simulator's Entra tokens (RS256, `kid` in the header), with times from the SimClock. */
export class TokenIssuer {
  constructor(
    private readonly key: SigningKey,
    private readonly clock: SimClock,
    private readonly baseUrl: () => string,
  ) {}

  /** The `iss` of tokens for a tenant: `${baseUrl}/{tenantId}/v2.0`, as in the OpenID metadata. */
  issuer(tenantId: string): string {
    return `${this.baseUrl()}/${tenantId}/v2.0`;
  }

  private sign(claims: Record<string, unknown>): SignedToken {
    const iat = Math.floor(this.clock.now().toSeconds());
    const exp = iat + TOKEN_LIFETIME_SECONDS;
    const token = jwt.sign(
      { ...claims, iat, nbf: iat, exp, uti: randomUUID().replace(/-/g, '') },
      this.key.privateKey,
      {
        algorithm: 'RS256',
        keyid: this.key.kid,
      },
    );
    return { token, expiresAt: exp };
  }

  delegatedAccessToken(req: DelegatedTokenRequest): SignedToken {
    return this.sign({
      aud: req.audience,
      iss: this.issuer(req.tenantId),
      tid: req.tenantId,
      oid: req.user.id,
      sub: req.user.id,
      azp: req.app.appId,
      appid: req.app.appId,
      azpacr: '1',
      idtyp: 'user',
      ver: '2.0',
      scp: req.scp.join(' '),
      amr: req.amr,
      acrs: req.acrs,
      name: req.user.displayName,
      given_name: req.user.givenName,
      family_name: req.user.surname,
      preferred_username: req.user.userPrincipalName,
      upn: req.user.userPrincipalName,
      ...(req.xmsCc?.length ? { xms_cc: req.xmsCc } : {}),
    });
  }

  appAccessToken(req: AppTokenRequest): SignedToken {
    const oid = servicePrincipalObjectId(req.app.appId, req.tenantId);
    return this.sign({
      aud: req.audience,
      iss: this.issuer(req.tenantId),
      tid: req.tenantId,
      oid,
      sub: oid,
      azp: req.app.appId,
      appid: req.app.appId,
      azpacr: '1',
      idtyp: 'app',
      ver: '2.0',
      roles: req.roles,
    });
  }

  /** OpenID Connect id token for the client (`aud` = client id). */
  idToken(tenantId: string, app: SeedApp, user: SeedUser, amr: string[], nonce?: string): SignedToken {
    return this.sign({
      aud: app.appId,
      iss: this.issuer(tenantId),
      tid: tenantId,
      oid: user.id,
      sub: user.id,
      name: user.displayName,
      preferred_username: user.userPrincipalName,
      email: user.mail,
      amr,
      ver: '2.0',
      ...(nonce ? { nonce } : {}),
    });
  }
}
