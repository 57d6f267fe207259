export * from './command';
export { COMMAND_CATALOGUE, type CommandCatalogueEntry, type CommandScope } from './catalogue';
export { commandInvalid } from './command-error';
export { normaliseCommandText } from './normalise-command-text';
export { matchCommandWord, type CommandWordMatch } from './match-command-word';
export { parseActivate, ACTIVATE_EXAMPLE, ACTIVATE_GROUP_EXAMPLE } from './parsers/activate.parser';
export { parseDeactivate, DEACTIVATE_EXAMPLE } from './parsers/deactivate.parser';
export { parseCancel, CANCEL_EXAMPLE } from './parsers/cancel.parser';
export { parseRemindMe, parseReminders, REMIND_EXAMPLE, REMINDERS_EXAMPLE } from './parsers/reminders.parser';
export { parseApprovals, parseHelp, parseRoles, parseStatus } from './parsers/simple.parsers';
export {
  parseApprovalsCommand,
  parseSubscriptionCommand,
  parseWho,
  SUBSCRIBE_EXAMPLE,
  UNSUBSCRIBE_EXAMPLE,
  WHO_EXAMPLE,
  APPROVALS_HERE_EXAMPLE,
  MAX_ROLES_PER_CHANNEL_COMMAND,
} from './parsers/channel.parsers';
export { parseExtend, EXTEND_EXAMPLE } from './parsers/extend.parser';
export { DEFAULT_TICKET_PATTERN, compileTicketPattern } from './ticket-pattern';
export { parseAudit, parseSince, AUDIT_EXAMPLE, AUDIT_SINCE_FORMS } from './parsers/audit.parser';
