import { COMMAND_CATALOGUE } from '../../../domain/commands/catalogue';
import { renderCard } from '../cards/card-renderer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { signFor, type PresenterContext } from './presenter-context';
import { zoneName } from './time-format';

/** The help card lists the router's own catalogue, so it never drifts from what the bot accepts. */
export function helpCard(ctx: PresenterContext, notice = ''): AdaptiveCardJson {
  return renderCard('help', {
    title: 'Elevate: just-in-time admin roles',
    intro:
      'Activate your eligible Entra roles for a limited time without leaving Teams. Every request goes through PIM, so its approval, MFA and audit rules still apply.',
    notice,
    commands: COMMAND_CATALOGUE.map((entry) => ({
      name: entry.name,
      description: entry.description,
      examples: [entry.example, ...(entry.more ?? [])],
    })),
    // The zone named as every other card names it; unknown before the first message (install).
    footer: `In group chats and channels, @mention Elevate first. Times are shown in ${
      ctx.zone ? `your time zone, ${zoneName(ctx.zone, ctx.clock.now())}` : 'your Teams time zone'
    }.`,
    token: signFor(ctx, ['showRoles', 'refresh'], 'roles'),
  });
}
