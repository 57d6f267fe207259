import { roleLabel } from './role-label';
import { Duration } from 'luxon';
import { formatDurationForGraph, formatDurationForHumans } from '../../../domain/durations';
import type { ActivationRules, EligibleRole } from '../../../domain/roles';
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
    values?: { duration?: string; justification?: string; ticket?: string };
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
    startDate: '',
    startTime: '',
    approvalNote: rules?.approvalRequired
      ? `This role needs approval${input.approverNames.length ? `: ${input.approverNames.join(' or ')} will be asked` : ''} once you send the request.`
      : '',
    token: signFor(ctx, ['submitActivation', 'showRoles'], 'form'),
  });
}
