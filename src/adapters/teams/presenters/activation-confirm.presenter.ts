import type { ActivateCommand } from '../../../domain/commands/command';
import { formatDurationForGraph } from '../../../domain/durations';
import type { EligibleRole } from '../../../domain/roles';
import { roleSubject } from '../card-actions/card-action-signer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { renderCard } from '../cards/card-renderer';
import { roleChoiceValue } from './activation-form.presenter';
import { roleLabel } from './role-label';
import { signFor, type PresenterContext } from './presenter-context';
import { formatInstant, humanDuration } from './time-format';

/**
 * "Is this what you meant?": the activation as Elevate read a loosely written command, in words,
 * with Confirm (sends exactly that) and Edit (the form, filled in). Nothing is sent before Confirm.
 */
export function activationConfirmCard(
  ctx: PresenterContext,
  input: { command: ActivateCommand; role: EligibleRole; typed: string },
): AdaptiveCardJson {
  const { command, role } = input;
  const now = ctx.clock.now();
  const label = roleLabel(role);
  const duration = command.duration ? humanDuration(command.duration) : '';
  const start = command.start ? formatInstant(command.start, ctx.zone, now) : '';
  const parts = [`Activate ${label}${duration ? ` for ${duration}` : ''}${start ? ` from ${start}` : ''}`];
  if (command.justification) parts.push(`reason "${command.justification}"`);
  if (command.ticket) parts.push(`ticket ${command.ticket}`);
  const facts = [
    { title: 'Role', value: `${label} · ${role.scopeName}` },
    { title: 'Duration', value: duration || "The role's default" },
    ...(start ? [{ title: 'Starts', value: start }] : []),
    ...(command.justification ? [{ title: 'Reason', value: command.justification }] : []),
    ...(command.ticket ? [{ title: 'Ticket', value: command.ticket }] : []),
  ];
  const localStart = command.start?.setZone(ctx.zone);
  return renderCard('activation-confirm', {
    summary: `${parts.join(', ')}.`,
    facts,
    why: `You wrote "${input.typed}": some words could belong to the role name or to the reason. Nothing is sent until you confirm.`,
    roleId: role.roleId,
    directoryScopeId: role.directoryScopeId,
    role: roleChoiceValue(role),
    duration: command.duration ? formatDurationForGraph(command.duration) : '',
    startDate: localStart?.toISODate() ?? '',
    startTime: localStart?.toFormat('HH:mm') ?? '',
    justification: command.justification ?? '',
    ticketNumber: command.ticket ?? '',
    token: signFor(ctx, ['submitActivation'], 'form'),
    editToken: signFor(ctx, ['showActivationForm'], roleSubject(role.roleId, role.directoryScopeId)),
  });
}
