import { Duration } from 'luxon';
import type { SettingsView } from '../../../app/settings/manage-settings.use-case';
import { formatDurationForHumans } from '../../../domain/durations';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { CardVerbs } from '../cards/card-verbs';
import { renderCard } from '../cards/card-renderer';
import { signFor, type PresenterContext } from './presenter-context';

/** The approvals-channel inputs are named this and the conversation id (a card input id, never shown). */
export const APPROVALS_INPUT_PREFIX = 'approvals:';

/**
 * The settings card; `notice` says what the last Save did (or what was wrong with it). `refused`:
 * what the admin typed into inputs whose value was refused, by input id, shown again as typed so
 * they can correct it rather than type it anew.
 */
export function settingsCard(
  ctx: PresenterContext,
  view: SettingsView,
  notice: { text: string; problem: boolean } = { text: '', problem: false },
  refused: Readonly<Record<string, string>> = {},
): AdaptiveCardJson {
  const lead = Duration.fromObject({ minutes: view.values.reminderLeadMinutes });
  const deploymentOf = (key: SettingsView['defaults'][number]) =>
    view.defaults.includes(key) ? ' (the deployment’s)' : '';
  const groupName = view.values.adminGroupId
    ? (view.adminGroupName ?? 'a group whose name cannot be read')
    : 'none set';
  return renderCard('settings', {
    title: 'Elevate settings',
    notice: notice.text,
    noticeIsProblem: notice.problem,
    reminderLeadText: `${formatDurationForHumans(lead)} before an activation ends${deploymentOf('reminderLeadMinutes')}`,
    ticketPatternText: `${view.values.ticketPattern}${deploymentOf('ticketPattern')}`,
    adminGroupText: `${groupName}${deploymentOf('adminGroupId')}`,
    reminderLead: refused.reminderLead ?? `${view.values.reminderLeadMinutes}m`,
    ticketPattern: refused.ticketPattern ?? view.values.ticketPattern,
    adminGroupName: groupName,
    approvalsChannels: view.approvalsChannels.map(({ conversationId, name, roleNames }) => {
      const inputId = `${APPROVALS_INPUT_PREFIX}${conversationId}`;
      return {
        inputId,
        label: `${name ?? 'A channel Elevate knows no name for'}: approval cards for`,
        roles: refused[inputId] ?? roleNames.join(', '),
      };
    }),
    token: signFor(ctx, [CardVerbs.saveSettings], 'settings'),
  });
}
