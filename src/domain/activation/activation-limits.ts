import { Duration } from 'luxon';

/** PIM refuses activations shorter than this (and deactivations sooner than this after activation). */
export const MINIMUM_ACTIVATION = Duration.fromObject({ minutes: 5 });
/** PIM refuses deactivating a role within this time of its activation (`ActiveDurationTooShort`). */
export const DEACTIVATION_FLOOR = Duration.fromObject({ minutes: 5 });
/** Longest justification Elevate sends. */
export const MAX_JUSTIFICATION_LENGTH = 500;
/** Longest ticket number Elevate sends. */
export const MAX_TICKET_LENGTH = 100;
/** Longest default activation when the user gives no duration (see defaultActivationDuration). */
export const DEFAULT_ACTIVATION_CAP = Duration.fromObject({ hours: 1 });
/**
 * A start this close to "now" still counts as now: a form filled in at 9:00 and sent at 9:00:40
 * should not be refused as "in the past".
 */
export const START_GRACE = Duration.fromObject({ minutes: 1 });
