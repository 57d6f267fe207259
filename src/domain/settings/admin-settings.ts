import { Duration } from 'luxon';
import { parseDuration } from '../durations/parse-duration';
import { formatDurationForHumans } from '../durations/format-duration';
import { DomainError, ErrorCodes, isDomainError } from '../errors';

/**
 * The settings admins change from chat (the `settings` card), stored for every instance. Each
 * starts from the deployment's configuration (REMINDER_LEAD_MINUTES, TICKET_PATTERN,
 * ADMIN_GROUP_ID) and is checked by the same rules the configuration is.
 */
export const ADMIN_SETTING_KEYS = ['reminderLeadMinutes', 'ticketPattern', 'adminGroupId'] as const;
export type AdminSettingKey = (typeof ADMIN_SETTING_KEYS)[number];

export interface AdminSettingValues {
  reminderLeadMinutes: number;
  ticketPattern: string;
  adminGroupId?: string;
}

export const ADMIN_SETTING_LABELS: Readonly<Record<AdminSettingKey, string>> = {
  reminderLeadMinutes: 'Default reminder lead',
  ticketPattern: 'Ticket pattern',
  adminGroupId: 'Admin group',
};

export const MAX_REMINDER_LEAD_MINUTES = 24 * 60;
export const MAX_TICKET_PATTERN_LENGTH = 200;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isAdminSettingKey(value: unknown): value is AdminSettingKey {
  return typeof value === 'string' && (ADMIN_SETTING_KEYS as readonly string[]).includes(value);
}

/** Why a ticket pattern cannot be used, or undefined when it can (the configuration's rule too). */
export function ticketPatternProblem(pattern: string): string | undefined {
  if (!pattern) return 'it is empty';
  if (pattern.length > MAX_TICKET_PATTERN_LENGTH)
    return `it is ${pattern.length} characters long; at most ${MAX_TICKET_PATTERN_LENGTH}`;
  let compiled: RegExp;
  try {
    compiled = new RegExp(`^(?:${pattern})$`, 'i');
  } catch (error) {
    return `it is not a valid regular expression (${(error as Error).message})`;
  }
  return compiled.test('') ? 'it matches an empty word, so every word would be a ticket' : undefined;
}

function invalid(key: AdminSettingKey, input: string, problem: string, remedy: string): DomainError {
  return new DomainError(
    ErrorCodes.SettingInvalid,
    `${ADMIN_SETTING_LABELS[key]}: "${input.slice(0, 80)}" cannot be used: ${problem}.`,
    { remedy, details: { setting: ADMIN_SETTING_LABELS[key] } },
  );
}

/** Reads what an admin typed for `key`; throws SETTING_INVALID saying what is wrong and what is allowed. */
export function readAdminSetting(key: AdminSettingKey, raw: string): number | string {
  const input = raw.trim();
  switch (key) {
    case 'reminderLeadMinutes': {
      let lead: Duration;
      try {
        lead = /^\d+$/.test(input) ? Duration.fromObject({ minutes: Number(input) }) : parseDuration(input);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        throw invalid(
          key,
          input,
          'it is not a duration',
          'Give minutes or hours, for example 10m, 30m or 1h.',
        );
      }
      const minutes = Math.round(lead.as('minutes'));
      if (minutes < 1 || minutes > MAX_REMINDER_LEAD_MINUTES) {
        throw invalid(
          key,
          input,
          `${formatDurationForHumans(lead)} is outside 1 minute to 24 hours`,
          'Choose from 1 minute to 24 hours, for example 10m.',
        );
      }
      return minutes;
    }
    case 'ticketPattern': {
      const problem = ticketPatternProblem(input);
      if (problem) {
        throw invalid(
          key,
          input,
          problem,
          'Give a regular expression for a whole ticket id, for example [A-Z][A-Z0-9]+-\\d+ for INC-5521.',
        );
      }
      return input;
    }
    case 'adminGroupId': {
      if (!GUID.test(input)) {
        throw invalid(
          key,
          input,
          'it is not a group object id',
          'Copy the group’s Object ID from Microsoft Entra (Groups → the group → Overview).',
        );
      }
      return input.toLowerCase();
    }
  }
}
