import type { Duration } from 'luxon';
import type { ActivationRules } from '../roles';
import { DEFAULT_ACTIVATION_CAP } from './activation-limits';

/**
 * The duration used when the user gives none: one hour, or the role's maximum when that is
 * shorter. Least privilege by default: a role whose policy allows 8 h is not held for 8 h just
 * because nobody said otherwise, and the user can always ask for more with "for 4h".
 */
export function defaultActivationDuration(rules: Pick<ActivationRules, 'maximumDuration'>): Duration {
  return rules.maximumDuration < DEFAULT_ACTIVATION_CAP ? rules.maximumDuration : DEFAULT_ACTIVATION_CAP;
}
