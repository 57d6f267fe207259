import { COMMAND_CATALOGUE } from '../../../domain/commands/catalogue';
import { renderCard } from '../cards/card-renderer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { signFor, type PresenterContext } from './presenter-context';

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
    footer: `In group chats and channels, @mention Elevate first. Times are shown in your time zone (${ctx.zone}).`,
    token: signFor(ctx, ['showRoles', 'refresh'], 'roles'),
  });
}
