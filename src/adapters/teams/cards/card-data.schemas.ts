import type { z } from 'zod';
import {
  activationConfirmCardData,
  activationFormCardData,
  activationProgressCardData,
  activationResultCardData,
  deactivationResultCardData,
} from './activation-card-data.schemas';
import { auditTrailCardData, settingsCardData } from './admin-card-data.schemas';
import { approvalRequestCardData, approvalsListCardData } from './approval-card-data.schemas';
import { channelAnnouncementCardData, whoHoldsWhatCardData } from './channel-card-data.schemas';
import {
  errorCardData,
  helpCardData,
  noticeCardData,
  statusCardData,
} from './conversation-card-data.schemas';
import { eligibilityExpiringCardData, endedCardData, reminderCardData } from './reminder-card-data.schemas';
import { didYouMeanCardData, pickRoleCardData, rolesListCardData } from './role-card-data.schemas';
import { signInCardData, verifyCardData } from './sign-in-card-data.schemas';

/**
 * The data each template in `cards/` expects, one zod schema per card (defined per card family in
 * the `*-card-data.schemas.ts` files beside this one; shared field kinds and conventions in
 * `card-data-rules.ts`). Presenters build these (times and durations already formatted for the
 * reader; templates never format), the renderer checks them before expanding, and the sample data
 * beside each template must fit.
 */

export {
  activationConfirmCardData,
  activationFormCardData,
  activationOutcomes,
  activationProgressCardData,
  activationResultCardData,
  deactivationResultCardData,
} from './activation-card-data.schemas';
export { auditTrailCardData, settingsCardData } from './admin-card-data.schemas';
export { approvalRequestCardData, approvalStates, approvalsListCardData } from './approval-card-data.schemas';
export {
  announcementStates,
  channelAnnouncementCardData,
  whoHoldsWhatCardData,
} from './channel-card-data.schemas';
export {
  errorCardData,
  helpCardData,
  noticeCardData,
  statusCardData,
} from './conversation-card-data.schemas';
export { eligibilityExpiringCardData, endedCardData, reminderCardData } from './reminder-card-data.schemas';
export { didYouMeanCardData, pickRoleCardData, rolesListCardData } from './role-card-data.schemas';
export { signInCardData, verifyCardData } from './sign-in-card-data.schemas';

/** Schema of each card's data, by template name. */
export const cardDataSchemas = {
  'activation-confirm': activationConfirmCardData,
  'activation-form': activationFormCardData,
  'activation-progress': activationProgressCardData,
  'activation-result': activationResultCardData,
  'approval-request': approvalRequestCardData,
  'approvals-list': approvalsListCardData,
  'audit-trail': auditTrailCardData,
  'channel-announcement': channelAnnouncementCardData,
  'deactivation-result': deactivationResultCardData,
  'did-you-mean': didYouMeanCardData,
  'eligibility-expiring': eligibilityExpiringCardData,
  ended: endedCardData,
  error: errorCardData,
  help: helpCardData,
  notice: noticeCardData,
  'pick-role': pickRoleCardData,
  reminder: reminderCardData,
  settings: settingsCardData,
  'roles-list': rolesListCardData,
  'sign-in': signInCardData,
  status: statusCardData,
  verify: verifyCardData,
  'who-holds-what': whoHoldsWhatCardData,
} as const;

export type CardName = keyof typeof cardDataSchemas;

/** The data a presenter passes for card `N`, e.g. `CardData<'approval-request'>`. */
export type CardData<N extends CardName> = z.input<(typeof cardDataSchemas)[N]>;

export function isCardName(name: string): name is CardName {
  return Object.prototype.hasOwnProperty.call(cardDataSchemas, name);
}
