import { EntraOAuthError } from './entra-error';

/**
 * What a client demands of the user's authentication, from the OIDC `claims` request parameter
 * (`{"access_token":{"acrs":{"essential":true,"value":"c1"}}}`, `{"access_token":{"amr":{"values":["mfa"]}}}`)
 * and/or `acr_values` (`c1 c2`, `mfa`).
 */
export interface ClaimsDemand {
  /** Authentication context ids; any one of them satisfies the demand. Empty: none demanded. */
  acrs: string[];
  mfa: boolean;
}

export const NO_DEMAND: ClaimsDemand = { acrs: [], mfa: false };

const MFA_ACR_VALUES = new Set(['mfa', 'http://schemas.microsoft.com/claims/multipleauthn']);

function claimValues(request: unknown, name: string): string[] {
  if (request === null || typeof request !== 'object') return [];
  const claim = (request as Record<string, unknown>)[name];
  if (claim === null || typeof claim !== 'object') return [];
  const { value, values } = claim as { value?: unknown; values?: unknown };
  const out: string[] = [];
  if (typeof value === 'string') out.push(value);
  if (Array.isArray(values)) for (const v of values) if (typeof v === 'string') out.push(v);
  return out;
}

function invalidClaims(reason: string): EntraOAuthError {
  return new EntraOAuthError(
    400,
    'invalid_request',
    90100,
    `The 'claims' parameter is not valid: ${reason}. Expected JSON such as ` +
      `{"access_token":{"acrs":{"essential":true,"value":"c1"}}}.`,
  );
}

export function parseClaimsDemand(claims: string | undefined, acrValues: string | undefined): ClaimsDemand {
  const acrs = new Set<string>();
  let mfa = false;
  if (claims !== undefined && claims.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(claims);
    } catch {
      throw invalidClaims('it is not JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw invalidClaims('it must be a JSON object');
    }
    for (const section of ['access_token', 'id_token'] as const) {
      const request = (parsed as Record<string, unknown>)[section];
      for (const v of claimValues(request, 'acrs')) acrs.add(v);
      if (claimValues(request, 'amr').includes('mfa')) mfa = true;
    }
  }
  for (const v of (acrValues ?? '').split(/\s+/).filter(Boolean)) {
    if (MFA_ACR_VALUES.has(v.toLowerCase())) mfa = true;
    else acrs.add(v);
  }
  return { acrs: [...acrs], mfa };
}

/**
 * The client capabilities a token request declares: MSAL merges its `clientCapabilities` into the
 * `claims` parameter as `{"access_token":{"xms_cc":{"values":["cp1"]}}}` on every request (authorize,
 * code redemption, refresh, on-behalf-of). Entra then issues them as the `xms_cc` claim. Source: Entra
 * docs, "Claims challenges, claims requests and client capabilities" (identity-platform/claims-challenge).
 */
export function clientCapabilities(claims: string | undefined): string[] {
  if (claims === undefined || claims.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(claims);
  } catch {
    throw invalidClaims('it is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object') return [];
  return [...new Set(claimValues((parsed as Record<string, unknown>).access_token, 'xms_cc'))];
}

/** The part of `demand` that a token with these `amr` and `acrs` does not satisfy, or undefined if all is met. */
export function unmetDemand(demand: ClaimsDemand, amr: string[], acrs: string[]): ClaimsDemand | undefined {
  const acrsMet = demand.acrs.length === 0 || demand.acrs.some((c) => acrs.includes(c));
  const mfaMet = !demand.mfa || amr.includes('mfa');
  if (acrsMet && mfaMet) return undefined;
  return { acrs: acrsMet ? [] : demand.acrs, mfa: !mfaMet };
}

/** The claims challenge Entra returns for an unmet demand (the value of the error body's `claims`). */
export function challengeFor(unmet: ClaimsDemand): string {
  const accessToken: Record<string, unknown> = {};
  if (unmet.acrs.length === 1) accessToken.acrs = { essential: true, value: unmet.acrs[0] };
  else if (unmet.acrs.length > 1) accessToken.acrs = { essential: true, values: unmet.acrs };
  if (unmet.mfa) accessToken.amr = { essential: true, values: ['mfa'] };
  return JSON.stringify({ access_token: accessToken });
}

/** Entra's `interaction_required` answer for an unmet demand (OBO, refresh token, password grant). */
export function interactionRequired(unmet: ClaimsDemand, resource: string): EntraOAuthError {
  const parts: string[] = [];
  if (unmet.mfa) parts.push('multi-factor authentication');
  if (unmet.acrs.length > 0)
    parts.push(`the authentication context ${unmet.acrs.map((c) => `'${c}'`).join(' or ')}`);
  return new EntraOAuthError(
    400,
    'interaction_required',
    50076,
    `Due to a configuration change made by your administrator, or because you moved to a new location, ` +
      `you must use ${parts.join(' and ')} to access '${resource}'. Sign in interactively with the returned claims.`,
    { suberror: 'basic_action', claims: challengeFor(unmet) },
  );
}
