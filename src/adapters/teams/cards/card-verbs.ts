/**
 * Every verb a card button can send (Action.Execute `verb`, and `data.verb` in its Action.Submit
 * fallback). The card-verb router registers one handler per verb; the card tests check that every
 * template's verb has a handler on the router the bot builds.
 */
export const CardVerbs = {
  showActivationForm: 'showActivationForm',
  activate: 'activate',
  submitActivation: 'submitActivation',
  /** The activation form's "Show this role's limits": the form reshaped for the chosen role. */
  changeFormRole: 'changeFormRole',
  pickRole: 'pickRole',
  deactivate: 'deactivate',
  cancel: 'cancel',
  approve: 'approve',
  deny: 'deny',
  extend: 'extend',
  deactivateNow: 'deactivateNow',
  requestEligibilityExtension: 'requestEligibilityExtension',
  showRoles: 'showRoles',
  refresh: 'refresh',
  /** The "who holds what" board: Refresh, Previous / Next page (anyone in the conversation). */
  showBoard: 'showBoard',
  /** The audit trail's "Older entries" (admins). */
  showAudit: 'showAudit',
  /** The settings card's Save (admins). */
  saveSettings: 'saveSettings',
  /** Teams' user-specific view refresh of a shared approval card (`refresh.action`). */
  refreshApproval: 'refreshApproval',
  /** Teams' user-specific view refresh of a shared activation card: the requester's own card. */
  refreshActivation: 'refreshActivation',
} as const;

export type CardVerb = (typeof CardVerbs)[keyof typeof CardVerbs];
