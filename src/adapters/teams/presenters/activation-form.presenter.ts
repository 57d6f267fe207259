import { roleLabel } from './role-label';
import { Duration } from 'luxon';
import { formatDurationForGraph, formatDurationForHumans } from '../../../domain/durations';
import type { ActivationRules, EligibleRole } from '../../../domain/roles';
import { ErrorCodes, type DomainError } from '../../../domain/errors';
import { renderCard } from '../cards/card-renderer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { rulesKey } from './role-card.presenter';
import { signFor, type PresenterContext } from './presenter-context';
import { zoneName } from './time-format';

const STEPS_MINUTES = [15, 30, 60, 120, 240, 480, 720, 1440];

export const roleChoiceValue = (role: { roleId: string; directoryScopeId: string }): string =>
  `${role.roleId}|${role.directoryScopeId}`;

export function parseRoleChoice(value: unknown): { roleId: string; directoryScopeId: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const bar = value.indexOf('|');
  if (bar <= 0) return undefined;
  return { roleId: value.slice(0, bar), directoryScopeId: value.slice(bar + 1) };
}

/** Duration choices up to the role's maximum, with the maximum itself always offered. */
export function durationChoices(max: Duration): { title: string; value: string }[] {
  const maxMinutes = Math.round(max.as('minutes'));
  const choices = STEPS_MINUTES.filter((m) => m < maxMinutes).map((m) => Duration.fromObject({ minutes: m }));
  choices.push(Duration.fromObject({ minutes: maxMinutes }));
  return choices.map((d, i) => ({
    title: `${formatDurationForHumans(d)}${i === choices.length - 1 ? ' (maximum)' : ''}`,
    value: formatDurationForGraph(d),
  }));
}

/** The choices plus `wanted` (a duration the user already asked for) when it fits the maximum. */
function withChoice(
  choices: { title: string; value: string }[],
  wanted: string | undefined,
  max: Duration,
): { title: string; value: string }[] {
  const duration = wanted ? Duration.fromISO(wanted) : undefined;
  if (!wanted || !duration?.isValid || choices.some((c) => c.value === wanted)) return choices;
  if (duration > max || duration.as('minutes') < 5) return choices;
  const added = { title: formatDurationForHumans(duration), value: formatDurationForGraph(duration) };
  return [...choices, added].sort(
    (a, b) => Duration.fromISO(a.value).as('minutes') - Duration.fromISO(b.value).as('minutes'),
  );
}

/** What the user put on the form, given back when the form comes back (refused, or another role chosen). */
export interface FormValues {
  duration?: string;
  justification?: string;
  ticket?: string;
  /** yyyy-MM-dd and HH:mm, as the date and time inputs send them. */
  startDate?: string;
  startTime?: string;
}

/** The message shown under each field at fault. */
export interface FieldErrors {
  role: string;
  duration: string;
  justification: string;
  ticket: string;
  start: string;
}

const FIELD_OF_CODE: Record<string, keyof FieldErrors> = {
  [ErrorCodes.CommandInvalid]: 'role',
  [ErrorCodes.DurationInvalid]: 'duration',
  [ErrorCodes.DurationTooLong]: 'duration',
  [ErrorCodes.DurationTooShort]: 'duration',
  [ErrorCodes.JustificationRequired]: 'justification',
  [ErrorCodes.JustificationTooLong]: 'justification',
  [ErrorCodes.TicketRequired]: 'ticket',
  [ErrorCodes.TicketTooLong]: 'ticket',
  [ErrorCodes.StartInPast]: 'start',
  [ErrorCodes.StartTimeInvalid]: 'start',
};

/** Each refusal under the field it is about (those about no one field are only in the summary). */
export function fieldErrorsOf(errors: DomainError[]): Partial<FieldErrors> {
  const marked: Partial<FieldErrors> = {};
  for (const error of errors) {
    const field = FIELD_OF_CODE[error.code];
    if (field) marked[field] = [marked[field], error.message].filter(Boolean).join(' ');
  }
  return marked;
}

/** The form's values as the submit sent them (only strings are taken). */
export function formValuesOf(data: Record<string, unknown>): FormValues {
  const take = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const startDate = take('startDate')?.trim();
  const startTime = take('startTime')?.trim();
  return {
    duration: take('duration') || undefined,
    justification: take('justification'),
    ticket: take('ticketNumber'),
    startDate: startDate && /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? startDate : undefined,
    startTime: startTime && /^\d{2}:\d{2}$/.test(startTime) ? startTime : undefined,
  };
}

/**
 * The activation form, shaped by the selected role's policy: durations bounded by its maximum,
 * justification and ticket required exactly when the policy says so.
 */
export function activationFormCard(
  ctx: PresenterContext,
  input: {
    roles: EligibleRole[];
    selected: EligibleRole;
    rules: Map<string, ActivationRules>;
    approverNames: string[];
    validationErrors?: string[];
    values?: FormValues;
    fieldErrors?: Partial<FieldErrors>;
  },
): AdaptiveCardJson {
  const rules = input.rules.get(rulesKey(input.selected));
  const max = rules?.maximumDuration ?? Duration.fromObject({ hours: 8 });
  const durations = withChoice(durationChoices(max), input.values?.duration, max);
  const oneHour = durations.find((d) => d.value === 'PT1H');
  const now = ctx.clock.now().setZone(ctx.zone);
  return renderCard('activation-form', {
    roleName: roleLabel(input.selected),
    scopeName: input.selected.scopeName,
    timeZone: zoneName(ctx.zone, ctx.clock.now()),
    validationErrors: input.validationErrors ?? [],
    selectedRole: roleChoiceValue(input.selected),
    roles: input.roles.map((role) => ({
      title: `${roleLabel(role)} · ${role.scopeName}`,
      value: roleChoiceValue(role),
    })),
    minDuration: '5 minutes',
    maxDuration: formatDurationForHumans(max),
    defaultDuration:
      durations.find((d) => d.value === input.values?.duration)?.value ??
      oneHour?.value ??
      durations[durations.length - 1].value,
    durations,
    justificationRequired: rules?.justificationRequired ?? false,
    ticketRequired: rules?.ticketRequired ?? false,
    justification: input.values?.justification ?? '',
    ticketNumber: input.values?.ticket ?? '',
    minStartDate: now.toISODate(),
    startDate: input.values?.startDate ?? '',
    startTime: input.values?.startTime ?? '',
    approvalNote: rules?.approvalRequired
      ? `This role needs approval${input.approverNames.length ? `: ${input.approverNames.join(' or ')} will be asked` : ''} once you send the request.`
      : '',
    fieldErrors: { role: '', duration: '', justification: '', ticket: '', start: '', ...input.fieldErrors },
    token: signFor(ctx, ['submitActivation', 'changeFormRole', 'showRoles'], 'form'),
  });
}
