import type { SeedDirectory } from '../directory-types';
import type { SimClock } from '../sim-clock';
import { GRAPH_APP_ID, GRAPH_AUDIENCE } from './scopes';
import type { SigningKey } from './signing-key';
import type { TokenIssuer } from './token-issuer';
import { TokenRejectedError, verifySimulatorToken } from './token-verification';
import { type AccessTokenVerifier, type CallerIdentity, SimulatorAuthError } from './types';

function invalidToken(message: string): SimulatorAuthError {
  return new SimulatorAuthError(401, 'InvalidAuthenticationToken', message);
}

/** Verifies Graph access tokens the simulator issued, as Graph does, and says who is calling. */
export class GraphTokenVerifier implements AccessTokenVerifier {
  constructor(
    private readonly key: SigningKey,
    private readonly clock: SimClock,
    private readonly issuer: TokenIssuer,
    private readonly getDirectory: () => SeedDirectory,
  ) {}

  async verifyGraphToken(bearerToken: string): Promise<CallerIdentity> {
    const token = (bearerToken ?? '').replace(/^bearer\s+/i, '').trim();
    if (token === '') throw invalidToken('Access token is empty.');
    if (token.split('.').length !== 3) {
      throw invalidToken(
        'IDX14100: JWT is not well formed, there are no dots (.). The token needs to be in JWS or JWE Compact Serialization Format.',
      );
    }
    const tenantId = this.getDirectory().tenant.id;
    let claims;
    try {
      claims = verifySimulatorToken(token, this.key, this.clock, {
        issuers: [this.issuer.issuer(tenantId)],
        audiences: [GRAPH_AUDIENCE, GRAPH_APP_ID],
      });
    } catch (err) {
      if (err instanceof TokenRejectedError)
        throw invalidToken(`Access token validation failure. ${err.message}`);
      throw err;
    }
    const appId = String(claims.azp ?? claims.appid ?? '');
    const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
    const acrs = Array.isArray(claims.acrs) ? claims.acrs.map(String) : [];
    const clientCapabilities = Array.isArray(claims.xms_cc) ? claims.xms_cc.map(String) : [];
    if (claims.idtyp === 'app' || typeof claims.scp !== 'string') {
      return {
        kind: 'app',
        tenantId,
        appId,
        scopes: [],
        roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
        amr,
        acrs,
        clientCapabilities,
      };
    }
    if (typeof claims.oid !== 'string')
      throw invalidToken('Access token validation failure. A delegated token must carry oid.');
    return {
      kind: 'delegated',
      tenantId,
      appId,
      oid: claims.oid,
      scopes: claims.scp.split(' ').filter(Boolean),
      roles: [],
      amr,
      acrs,
      clientCapabilities,
    };
  }
}
