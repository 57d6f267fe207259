/**
 * How Elevate obtains access tokens for Microsoft Graph. Implemented with msal-node in
 * src/adapters/auth; use cases only see this port.
 *
 * Everything a user does (self actions, approvals, filterByCurrentUser) needs a *delegated*
 * token obtained on-behalf-of the user's Teams SSO token (REFERENCE §8); reads the bot does on
 * its own use an app-only token.
 */
export interface TokenProvider {
  /** App-only (client credentials) Graph token. */
  appOnlyToken(): Promise<string>;

  /**
   * Delegated Graph token for the user, exchanged on-behalf-of their SSO token. `claims` is a
   * claims challenge (JSON) the token must satisfy. Throws DomainError STEP_UP_REQUIRED (details:
   * `claims`) when Entra answers that interaction is required, SIGN_IN_REQUIRED when the SSO token
   * is unusable.
   */
  onBehalfOf(request: OnBehalfOfRequest): Promise<string>;

  /** URL of the interactive sign-in (authorization-code flow) that satisfies `claims`. */
  stepUpUrl(request: StepUpUrlRequest): Promise<string>;

  /** Redeems the code from the step-up page; the resulting token is cached for the user. */
  redeemStepUpCode(request: StepUpRedeemRequest): Promise<StepUpResult>;
}

export interface OnBehalfOfRequest {
  /** Object id of the user the SSO token belongs to (cache partition). */
  userId: string;
  /** The user's Teams SSO token (audience: the bot's app). */
  ssoToken: string;
  /** Claims challenge JSON, e.g. {"access_token":{"acrs":{"essential":true,"value":"c1"}}}. */
  claims?: string;
}

export interface StepUpUrlRequest {
  userId: string;
  /** Claims challenge JSON to satisfy. */
  claims: string;
  redirectUri: string;
  /** Opaque state the step-up page checks on return. */
  state: string;
  /** UPN to pre-fill on the sign-in page. */
  loginHint?: string;
  /** PKCE S256 code challenge, when the page uses PKCE. */
  codeChallenge?: string;
}

export interface StepUpRedeemRequest {
  /** The user the step-up was started for; the redeemed token must belong to them. */
  userId: string;
  code: string;
  redirectUri: string;
  claims: string;
  codeVerifier?: string;
}

export interface StepUpResult {
  userId: string;
  accessToken: string;
}

/**
 * A user on whose behalf the Graph adapter acts: their object id plus a source of delegated
 * tokens (usually `() => tokenProvider.onBehalfOf({ userId, ssoToken })`).
 */
export interface DelegatedUser {
  userId: string;
  accessToken(): Promise<string>;
  /**
   * The same user with tokens that satisfy a claims challenge (MFA, authentication context). Its
   * accessToken() throws STEP_UP_REQUIRED when the user must verify interactively first. Absent
   * when the source cannot say (callers then ask for a step-up).
   */
  withClaims?(claims: string): DelegatedUser;
}
