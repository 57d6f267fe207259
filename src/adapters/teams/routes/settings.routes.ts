import type { ApprovalsRoutingSettingsUseCase } from '../../../app/settings/approvals-routing-settings.use-case';
import type { ManageSettingsUseCase, SettingsView } from '../../../app/settings/manage-settings.use-case';
import type { CommandRouter, VerbRouter } from '../../../app/routing';
import { parseSettings } from '../../../domain/commands/parsers/settings.parser';
import { isDomainError } from '../../../domain/errors';
import { ADMIN_SETTING_LABELS, type AdminSettingKey } from '../../../domain/settings/admin-settings';
import { CardVerbs } from '../cards/card-verbs';
import { APPROVALS_INPUT_PREFIX, settingsCard } from '../presenters/settings-card.presenter';
import type { TeamsTurn } from '../teams-turn';
import { asActor, type RouteServices } from './route-services';
import { requireToken } from './verified-action';

/** The card inputs, by setting. */
const INPUTS: readonly [string, AdminSettingKey][] = [
  ['reminderLead', 'reminderLeadMinutes'],
  ['ticketPattern', 'ticketPattern'],
  ['adminGroupId', 'adminGroupId'],
];
const MAX_INPUT_LENGTH = 300;
/** At most this many approvals-channel inputs are read from one Save (the card shows at most 50). */
const MAX_APPROVALS_INPUTS = 50;

/** `settings` and its Save button (admins; the use case checks and audits). */
export function registerSettingsRoutes(
  services: RouteServices,
  commands: CommandRouter<TeamsTurn>,
  verbs: VerbRouter<TeamsTurn>,
  settings: ManageSettingsUseCase,
  approvalsRouting: ApprovalsRoutingSettingsUseCase,
): void {
  commands.command(
    'settings',
    (args, turn) =>
      asActor(services, turn, async (actor, ctx) => {
        parseSettings(args);
        await turn.sendCard(settingsCard(ctx, await settings.show(actor)));
      }),
    parseSettings,
  );

  verbs.verb(CardVerbs.saveSettings, (data, turn) =>
    asActor(services, turn, async (actor, ctx) => {
      requireToken(services, data, CardVerbs.saveSettings, 'settings', actor);
      const saved: string[] = [];
      const problems: string[] = [];
      // What was typed into a refused input comes back as typed, to be corrected.
      const refused: Record<string, string> = {};
      let view: SettingsView | undefined;
      for (const [input, key] of INPUTS) {
        const raw = data[input];
        if (typeof raw !== 'string' || !raw.trim()) continue;
        if (raw.length > MAX_INPUT_LENGTH) {
          problems.push(`${ADMIN_SETTING_LABELS[key]}: at most ${MAX_INPUT_LENGTH} characters.`);
          continue;
        }
        try {
          const result = await settings.change(actor, key, raw);
          view = result.view;
          if (result.kind === 'changed') saved.push(ADMIN_SETTING_LABELS[key]);
        } catch (error) {
          if (!isDomainError(error) || error.code === 'NOT_AN_ADMIN' || error.code === 'ADMIN_GROUP_NOT_SET')
            throw error;
          problems.push(`${error.message}${error.remedy ? ` ${error.remedy}` : ''}`);
          refused[input] = raw;
        }
      }
      // The approvals channels: one input per routed conversation, keyed by its (unshown) id.
      const routed = Object.entries(data).filter(([input]) => input.startsWith(APPROVALS_INPUT_PREFIX));
      for (const [input, raw] of routed.slice(0, MAX_APPROVALS_INPUTS)) {
        if (typeof raw !== 'string') continue;
        if (raw.length > MAX_INPUT_LENGTH) {
          problems.push(`Approvals channels: at most ${MAX_INPUT_LENGTH} characters.`);
          continue;
        }
        try {
          const result = await approvalsRouting.setRoles(
            actor,
            input.slice(APPROVALS_INPUT_PREFIX.length),
            raw,
          );
          if (result.kind === 'changed') {
            saved.push(`Approvals channel ${result.name ?? '(a channel)'}`);
            view = undefined;
          }
        } catch (error) {
          if (!isDomainError(error) || error.code === 'NOT_AN_ADMIN' || error.code === 'ADMIN_GROUP_NOT_SET')
            throw error;
          problems.push(`${error.message}${error.remedy ? ` ${error.remedy}` : ''}`);
          refused[input] = raw;
        }
      }
      const notice = problems.length
        ? {
            text: [...(saved.length ? [`Saved: ${saved.join(', ')}.`] : []), ...problems].join(' '),
            problem: true,
          }
        : { text: saved.length ? `Saved: ${saved.join(', ')}.` : 'Nothing changed.', problem: false };
      await turn.answerCardAction(settingsCard(ctx, view ?? (await settings.show(actor)), notice, refused));
    }),
  );
}
