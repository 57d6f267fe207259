import { Duration, type DateTime } from 'luxon';
import type { EndedHow } from '../../../app/reminders/reminder-notifier';
import { formatDurationForHumans } from '../../../domain/durations';
import { roleSubject } from '../card-actions/card-action-signer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { renderCard } from '../cards/card-renderer';
import { ROLE_VERBS } from '../presenters/role-card.presenter';
import { signFor, type PresenterContext } from '../presenters/presenter-context';
import { formatInstant } from '../presenters/time-format';

/** The verbs a reminder card's buttons carry (one signed token for both). */
export const REMINDER_VERBS = ['extend', 'deactivateNow'];
export const ELIGIBILITY_VERBS = ['requestEligibilityExtension'];

/** Steps offered by "Extend by"; only those within the policy maximum, plus the maximum itself. */
const EXTENSION_STEPS = ['PT30M', 'PT1H', 'PT2H', 'PT4H', 'PT8H', 'PT12H', 'PT24H'].map((iso) =>
  Duration.fromISO(iso),
);
const DEFAULT_EXTENSION = Duration.fromObject({ hours: 1 });

export interface ExtensionChoice {
  title: string;
  value: string;
}

/** "Extend by" choices within `maximum` (ISO 8601 values), and the preselected one. */
export function extensionChoices(maximum: Duration): { choices: ExtensionChoice[]; preselected: string } {
  const maxMs = maximum.as('milliseconds');
  const steps = EXTENSION_STEPS.filter((d) => d.as('milliseconds') < maxMs);
  const choices = steps.map((d) => ({ title: formatDurationForHumans(d), value: d.toISO() as string }));
  choices.push({ title: `${formatDurationForHumans(maximum)} (maximum)`, value: maximum.toISO() as string });
  const preselected =
    DEFAULT_EXTENSION.as('milliseconds') <= maxMs
      ? (choices.find(
          (c) => Duration.fromISO(c.value).as('milliseconds') === DEFAULT_EXTENSION.as('milliseconds'),
        )?.value ?? (maximum.toISO() as string))
      : (maximum.toISO() as string);
  return { choices, preselected };
}

/** How much later the end can move: PIM's maximum less the time left (whole minutes, at least 1). */
export function extensionRoom(endAt: DateTime, now: DateTime, maximum: Duration): Duration {
  const left = Math.ceil(endAt.diff(now).as('minutes'));
  const minutes = Math.max(1, Math.floor(maximum.as('minutes')) - Math.max(0, left));
  return Duration.fromObject({ minutes }).shiftTo('hours', 'minutes');
}

export interface RoleLabel {
  roleId: string;
  directoryScopeId: string;
  roleName: string;
  scopeName: string;
}

export function reminderCard(
  ctx: PresenterContext,
  input: RoleLabel & {
    endAt: DateTime;
    maximum: Duration;
    needsApproval: boolean;
    /** The check PIM wants before it activates the role again (its policy), if any. */
    verify: 'none' | 'mfa' | 'authenticationContext';
    approvers: string[];
  },
): AdaptiveCardJson {
  const now = ctx.clock.now();
  const minutes = Math.max(1, Math.round(input.endAt.diff(now, 'minutes').minutes));
  // Extend moves the end later, and the new activation (time left + extension) stays within PIM's maximum.
  const room = extensionRoom(input.endAt, now, input.maximum);
  const { choices, preselected } = extensionChoices(room);
  return renderCard('reminder', {
    roleName: input.roleName,
    scopeName: input.scopeName,
    roleId: input.roleId,
    directoryScopeId: input.directoryScopeId,
    endsIn: `in ${formatDurationForHumans(Duration.fromObject({ minutes }))}`,
    endsAt: formatInstant(input.endAt, ctx.zone, now),
    maxExtension: formatDurationForHumans(room),
    policyMaximum: formatDurationForHumans(input.maximum),
    defaultExtension: preselected,
    extensionChoices: choices,
    extendNeedsApproval: input.needsApproval,
    extendVerify: input.verify,
    approvers: input.needsApproval ? input.approvers.join(', ') || 'the approvers in PIM' : '',
    token: signFor(ctx, REMINDER_VERBS, roleSubject(input.roleId, input.directoryScopeId)),
  });
}

export function endedCard(
  ctx: PresenterContext,
  input: RoleLabel & { how: EndedHow; startAt?: DateTime; endedAt: DateTime },
): AdaptiveCardJson {
  const now = ctx.clock.now();
  return renderCard('ended', {
    how: input.how,
    roleName: input.roleName,
    scopeName: input.scopeName,
    roleId: input.roleId,
    directoryScopeId: input.directoryScopeId,
    activeFrom: input.startAt ? formatInstant(input.startAt, ctx.zone, now) : 'its start',
    endedAt: formatInstant(input.endedAt, ctx.zone, now),
    token: signFor(ctx, ROLE_VERBS, roleSubject(input.roleId, input.directoryScopeId)),
  });
}

export function eligibilityEndingCard(
  ctx: PresenterContext,
  input: RoleLabel & { endAt: DateTime; viaGroup?: string },
): AdaptiveCardJson {
  const now = ctx.clock.now();
  const daysLeft = Math.max(0, Math.floor(input.endAt.diff(now, 'days').days));
  return renderCard('eligibility-expiring', {
    roleName: input.roleName,
    scopeName: input.scopeName,
    roleId: input.roleId,
    directoryScopeId: input.directoryScopeId,
    viaGroup: input.viaGroup ?? '',
    daysLeft,
    endsAt: formatInstant(input.endAt, ctx.zone, now),
    token: signFor(ctx, ELIGIBILITY_VERBS, roleSubject(input.roleId, input.directoryScopeId)),
  });
}

export function eligibilityExtensionRequestedCard(
  input: RoleLabel & { requestId: string; status: string; duration: Duration },
): AdaptiveCardJson {
  return renderCard('activation-progress', {
    title: `Extension of your ${input.roleName} eligibility requested`,
    scopeName: input.scopeName,
    steps: [
      {
        text: `PIM received the request for ${formatDurationForHumans(input.duration)} more; it waits for an administrator's decision.`,
        done: true,
      },
      { text: 'A PIM administrator reviews it in the Entra admin center.', done: false },
    ],
  });
}
