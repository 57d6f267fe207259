import type { ExtendOutcome } from '../../../app/reminders/extend-activation.use-case';
import { formatDurationForHumans } from '../../../domain/durations';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { RoleKind } from '../../../domain/roles';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { activationOutcomeCard, type ResultOptions } from '../presenters/activation-card.presenter';
import { errorCard, refusalText } from '../presenters/error-card.presenter';
import type { PresenterContext } from '../presenters/presenter-context';
import { formatInstant } from '../presenters/time-format';
import { roleInCommand, roleLabel } from '../presenters/role-label';

/** The card for what Extend did. `stepUpRequired` is presented by the step-up flow (a Verify card). */
export function extendOutcomeCard(
  ctx: PresenterContext,
  outcome: Exclude<ExtendOutcome, { kind: 'stepUpRequired' }>,
  /** In a channel or group chat: whose activation it is (the shared copy, see ResultOptions). */
  holder: Pick<ResultOptions, 'holderName' | 'holderTeamsId'> = {},
): AdaptiveCardJson {
  switch (outcome.kind) {
    case 'extended':
      return activationOutcomeCard(ctx, outcome.outcome, {
        justification: outcome.justification,
        ticket: outcome.ticket,
        ...holder,
      });
    default: {
      const refusal = extendRefusal(ctx, outcome);
      return errorCard(refusal.error, refusal.title);
    }
  }
}

/**
 * When the extension was capped at PIM's maximum, the plain words for it ("PIM allows at most
 * 8 h, so it now ends at 17:30 today (CET)."); otherwise nothing.
 */
export function extendCapNote(ctx: PresenterContext, outcome: ExtendOutcome): string | undefined {
  if (outcome.kind !== 'extended' || !outcome.cappedAt) return undefined;
  const end = formatInstant(outcome.outcome.until, ctx.zone, ctx.clock.now());
  return `PIM allows at most ${formatDurationForHumans(outcome.cappedAt)} for ${roleLabel(outcome.previous)}, so it now ends at ${end}.`;
}

type NotExtended = Exclude<ExtendOutcome, { kind: 'stepUpRequired' | 'extended' }>;

/** Extend left the role as it was (only 'lost' changed anything): answered beside the pressed card. */
export function isExtendRefusal(outcome: ExtendOutcome): outcome is Exclude<NotExtended, { kind: 'lost' }> {
  return ['tooSoon', 'needsApproval', 'restored', 'notActive', 'ambiguous'].includes(outcome.kind);
}

/** What the person typed, as they typed it: `group <name>` and its access for PIM for Groups. */
function askedFor(query: string, kinds: RoleKind[] | undefined): string {
  if (!kinds) return query;
  if (kinds.length > 1) return `group ${query}`;
  return `group ${query} ${kinds[0] === 'groupOwner' ? 'owner' : 'member'}`;
}

/** A refused Extend as a short message beside the pressed card. */
export function extendRefusalText(ctx: PresenterContext, outcome: NotExtended): string {
  const refusal = extendRefusal(ctx, outcome);
  return refusalText(refusal.error, `${refusal.title}.`);
}

/** Why Extend did not extend, what to do, and a heading. */
function extendRefusal(ctx: PresenterContext, outcome: NotExtended): { error: DomainError; title: string } {
  const at = (instant: Parameters<typeof formatInstant>[0]) =>
    formatInstant(instant, ctx.zone, ctx.clock.now());
  switch (outcome.kind) {
    case 'tooSoon':
      return {
        error: new DomainError(
          ErrorCodes.DeactivateTooSoon,
          `Elevate extends ${roleLabel(outcome.role)} by deactivating and activating it again, and PIM allows a deactivation only 5 minutes after activation.`,
          {
            remedy: `Extend again after ${at(outcome.possibleAt)} (the Extend button or "extend ${roleInCommand(outcome.role)}"). Nothing was changed; the role stays active until it ends.`,
          },
        ),
        title: 'Extend is possible a little later',
      };
    case 'needsApproval': {
      const who = outcome.approvers.map((a) => a.displayName).join(', ') || 'an approver';
      const until = outcome.role.endDateTime ? ` until ${at(outcome.role.endDateTime)}` : '';
      return {
        error: new DomainError(
          ErrorCodes.PendingRequestExists,
          `${roleLabel(outcome.role)} needs approval by ${who}, and PIM takes a new request for it only once this activation has ended. Elevate did not deactivate it: waiting for an approval would have left you without the role.`,
          {
            remedy: `Nothing was changed; the role stays active${until}. Ask again when it ends ("activate ${roleInCommand(outcome.role)}").`,
          },
        ),
        title: `${roleLabel(outcome.role)} stays active${until}`,
      };
    }
    case 'restored':
      return {
        error: new DomainError(
          outcome.failure.code,
          `The extension did not go through: ${outcome.failure.message}`,
          {
            remedy:
              `Elevate activated ${roleLabel(outcome.previous)} again at once, until ${at(outcome.until)} as before. ${outcome.failure.remedy ?? ''}`.trim(),
          },
        ),
        title: `${roleLabel(outcome.previous)} is still active until ${at(outcome.until)}; not extended`,
      };
    case 'notActive': {
      const asked = askedFor(outcome.query, outcome.kinds);
      const active = outcome.active.map((role) => roleLabel(role));
      return {
        error: new DomainError(ErrorCodes.NotActive, `No active role of yours matches "${asked}".`, {
          remedy: active.length
            ? `Active now: ${active.join(', ')}. Say "extend" with one of them, or "activate ${asked}" to start a new activation.`
            : `Nothing is active, so there is nothing to extend. Say "activate ${asked} for 1h" to activate it.`,
        }),
        title: 'Nothing to extend',
      };
    }
    case 'ambiguous': {
      const names = outcome.candidates.map((role) => `${roleLabel(role)} (${role.scopeName})`);
      return {
        error: new DomainError(
          ErrorCodes.RoleAmbiguous,
          `"${outcome.query}" matches ${names.join(' and ')}.`,
          {
            remedy: 'Say "extend" with the full role name, or press Extend on the reminder card.',
          },
        ),
        title: 'Which role?',
      };
    }
    case 'lost':
      return {
        error: new DomainError(
          outcome.restoreFailure.code,
          `Elevate deactivated ${roleLabel(outcome.previous)} to extend it, but PIM refused to activate it again (${outcome.failure.message}), and also refused to restore it: ${outcome.restoreFailure.message}`,
          { remedy: outcome.restoreFailure.remedy ?? `Say "activate ${roleInCommand(outcome.previous)}".` },
        ),
        title: `${roleLabel(outcome.previous)} could not be activated again`,
      };
  }
}
