import type { DateTime, Duration } from 'luxon';
import { formatDurationForGraph, formatDurationForHumans } from '../durations/format-duration';
import { DomainError, ErrorCodes } from '../errors';
import type { ActivationRules } from '../roles';
import { formatInstant } from '../schedule/format-instant';
import {
  MAX_JUSTIFICATION_LENGTH,
  MAX_TICKET_LENGTH,
  MINIMUM_ACTIVATION,
  START_GRACE,
} from './activation-limits';
import { defaultActivationDuration } from './default-duration';

export { defaultActivationDuration };

export interface ActivationDraft {
  /** The role (or group) being activated; only its name is used, in messages ("This role" without it). */
  role?: { roleName: string };
  /** Undefined: the default (defaultActivationDuration). */
  duration?: Duration;
  /** Undefined: start now. */
  start?: DateTime;
  justification?: string;
  ticket?: string;
}

/** A draft that passed every rule, with the default duration filled in and text trimmed. */
export interface ValidActivation {
  role?: { roleName: string };
  duration: Duration;
  /** Undefined: start now. */
  start?: DateTime;
  justification?: string;
  ticket?: string;
}

export type ActivationValidation =
  { valid: true; activation: ValidActivation; violations: [] } | { valid: false; violations: DomainError[] };

export interface ValidationContext {
  now: DateTime;
  /** The user's IANA time zone, for times in messages (default UTC). */
  zone?: string;
}

const trimmed = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

function durationViolations(roleName: string, duration: Duration, rules: ActivationRules): DomainError[] {
  const limits = {
    requested: formatDurationForGraph(duration),
    minimum: formatDurationForGraph(MINIMUM_ACTIVATION),
    maximum: formatDurationForGraph(rules.maximumDuration),
    minimumText: formatDurationForHumans(MINIMUM_ACTIVATION),
    maximumText: formatDurationForHumans(rules.maximumDuration),
  };
  const asked = formatDurationForHumans(duration);
  if (!duration.isValid || duration.as('minutes') <= 0) {
    return [
      new DomainError(ErrorCodes.DurationInvalid, `The duration must be a positive number of minutes.`, {
        remedy: `Give a duration between ${limits.minimumText} and ${limits.maximumText}, e.g. "for 1h".`,
        details: limits,
      }),
    ];
  }
  if (duration > rules.maximumDuration) {
    return [
      new DomainError(
        ErrorCodes.DurationTooLong,
        `${roleName} can be activated for at most ${limits.maximumText}; you asked for ${asked}.`,
        {
          remedy: `Ask for ${limits.maximumText} or less (at least ${limits.minimumText}).`,
          details: limits,
        },
      ),
    ];
  }
  if (duration < MINIMUM_ACTIVATION) {
    return [
      new DomainError(
        ErrorCodes.DurationTooShort,
        `An activation must last at least ${limits.minimumText}; you asked for ${asked}.`,
        {
          remedy: `Ask for between ${limits.minimumText} and ${limits.maximumText}.`,
          details: limits,
        },
      ),
    ];
  }
  return [];
}

function startViolations(start: DateTime, now: DateTime, zone: string): DomainError[] {
  if (start >= now.minus(START_GRACE)) return [];
  return [
    new DomainError(
      ErrorCodes.StartInPast,
      `The start time ${formatInstant(start, zone, now)} is in the past; a start time must be now or later.`,
      {
        remedy: 'Give a future start time, or leave it out to start now.',
        details: { requested: start.toUTC().toISO(), now: now.toUTC().toISO(), earliest: 'now', zone },
      },
    ),
  ];
}

function textViolations(
  roleName: string,
  value: string | undefined,
  required: boolean,
  maxLength: number,
  field: {
    name: string;
    codeRequired: typeof ErrorCodes.JustificationRequired | typeof ErrorCodes.TicketRequired;
    codeTooLong: typeof ErrorCodes.JustificationTooLong | typeof ErrorCodes.TicketTooLong;
    how: string;
  },
): DomainError[] {
  if (value === undefined) {
    if (!required) return [];
    return [
      new DomainError(field.codeRequired, `${roleName} needs a ${field.name} to activate.`, {
        remedy: `Add ${field.how}, up to ${maxLength} characters.`,
        details: { field: field.name, required: true, maxLength },
      }),
    ];
  }
  if (value.length <= maxLength) return [];
  return [
    new DomainError(
      field.codeTooLong,
      `The ${field.name} is ${value.length} characters long; at most ${maxLength} are allowed.`,
      {
        remedy: `Shorten the ${field.name} by ${value.length - maxLength} characters.`,
        details: { field: field.name, length: value.length, maxLength },
      },
    ),
  ];
}

/**
 * Checks an activation against the role's rules before anything is sent to Graph, and returns
 * every violation, not just the first: duration between 5 minutes and the role's maximum
 * (DurationTooShort / DurationTooLong), start not in the past (StartInPast, with a one-minute
 * grace), justification and ticket present when the policy requires them (JustificationRequired,
 * TicketRequired) and not longer than 500 / 100 characters (JustificationTooLong, TicketTooLong).
 * Each violation has `details` with the allowed values and a `remedy`. A missing duration becomes
 * defaultActivationDuration(rules); blank text counts as missing. When valid, `activation` is the
 * draft with the default filled in, text trimmed and the start in UTC.
 */
export function validateActivation(
  draft: ActivationDraft,
  rules: ActivationRules,
  ctx: ValidationContext,
): ActivationValidation {
  const roleName = draft.role?.roleName ?? 'This role';
  const duration = draft.duration ?? defaultActivationDuration(rules);
  const justification = trimmed(draft.justification);
  const ticket = trimmed(draft.ticket);
  const violations = [
    ...durationViolations(roleName, duration, rules),
    ...(draft.start ? startViolations(draft.start, ctx.now, ctx.zone ?? 'UTC') : []),
    ...textViolations(roleName, justification, rules.justificationRequired, MAX_JUSTIFICATION_LENGTH, {
      name: 'justification',
      codeRequired: ErrorCodes.JustificationRequired,
      codeTooLong: ErrorCodes.JustificationTooLong,
      how: 'a reason ("because …")',
    }),
    ...textViolations(roleName, ticket, rules.ticketRequired, MAX_TICKET_LENGTH, {
      name: 'ticket number',
      codeRequired: ErrorCodes.TicketRequired,
      codeTooLong: ErrorCodes.TicketTooLong,
      how: 'a ticket number ("ticket INC-1234")',
    }),
  ];
  if (violations.length) return { valid: false, violations };
  return {
    valid: true,
    violations: [],
    activation: {
      ...(draft.role ? { role: draft.role } : {}),
      duration,
      ...(draft.start ? { start: draft.start.toUTC() } : {}),
      ...(justification !== undefined ? { justification } : {}),
      ...(ticket !== undefined ? { ticket } : {}),
    },
  };
}
