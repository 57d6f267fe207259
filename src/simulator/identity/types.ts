/**
 * Contract between the simulator's identity part (token issuing, src/simulator/identity) and
 * its Graph part (src/simulator/graph), which authenticates every call with it.
 */
export interface CallerIdentity {
  /** 'delegated' for a user token (has `scp`), 'app' for client credentials (has `roles`). */
  kind: 'delegated' | 'app';
  tenantId: string;
  /** The client application (azp/appid). */
  appId: string;
  /** The signed-in user's object id; undefined for app-only tokens. */
  oid?: string;
  /** Delegated scopes (`scp`, space separated in the token). */
  scopes: string[];
  /** Application permissions (`roles`). */
  roles: string[];
  /** Authentication methods (`amr`), e.g. ['pwd'] or ['pwd','mfa']. */
  amr: string[];
  /** Authentication context class references satisfied (`acrs`), e.g. ['c1']. */
  acrs: string[];
  /** Client capabilities the client declared (`xms_cc`), e.g. ['cp1']; empty when it declared none. */
  clientCapabilities: string[];
}

export interface AccessTokenVerifier {
  /**
   * Verifies a Graph access token (signature, issuer, audience https://graph.microsoft.com,
   * expiry against the simulator clock). Throws SimulatorAuthError on any failure.
   */
  verifyGraphToken(bearerToken: string): Promise<CallerIdentity>;
}

export class SimulatorAuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
