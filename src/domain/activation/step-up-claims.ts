import type { ActivationRules } from '../roles';

export type StepUpReason = 'mfa' | 'authenticationContext';

/** The claims challenge a role's policy will put to a self-activation (REFERENCE §5.5, §7.3). */
export interface StepUpDemand {
  reason: StepUpReason;
  /** Claims request JSON for the token (OIDC `claims` parameter). */
  claims: string;
}

/**
 * What sign-in strength activating a role needs, known from its policy before anything is sent:
 * an authentication context (`acrs`) or MFA (`amr`); undefined when neither.
 */
export function stepUpDemand(rules: ActivationRules): StepUpDemand | undefined {
  if (rules.authenticationContext) {
    return {
      reason: 'authenticationContext',
      claims: JSON.stringify({
        access_token: { acrs: { essential: true, value: rules.authenticationContext } },
      }),
    };
  }
  if (rules.mfaRequired) {
    return {
      reason: 'mfa',
      claims: JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } }),
    };
  }
  return undefined;
}
