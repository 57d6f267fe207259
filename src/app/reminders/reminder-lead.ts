import { Duration } from 'luxon';
import { DEFAULT_USER_PREFERENCES, type UserRepository } from '../../ports/stores';

/**
 * How long before expiry a user wants their reminder: their own setting ("remind me 15m
 * before"), none ("reminders off"), or the deployment default (REMINDER_LEAD_MINUTES). A stored
 * value equal to the built-in default counts as "not set", so the deployment default applies.
 */
export class ReminderLead {
  constructor(
    private readonly users: UserRepository,
    /** REMINDER_LEAD_MINUTES, or the admins' setting over it (read when needed). */
    private readonly deploymentDefault: Duration | (() => Promise<Duration>),
  ) {}

  /** The lead for this user, or null when they turned reminders off. */
  async forUser(tenantId: string, userId: string): Promise<Duration | null> {
    const profile = await this.users.get(tenantId, userId);
    const minutes = profile?.preferences.reminderLeadMinutes;
    if (minutes === null) return null;
    if (minutes === undefined || minutes === DEFAULT_USER_PREFERENCES.reminderLeadMinutes) {
      return typeof this.deploymentDefault === 'function' ? this.deploymentDefault() : this.deploymentDefault;
    }
    return Duration.fromObject({ minutes });
  }
}
