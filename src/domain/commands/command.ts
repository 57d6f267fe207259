import type { DateTime, Duration } from 'luxon';

/** When and why an activation should happen, as given in a chat command. */
export interface ActivationOptions {
  /** Requested duration; undefined means "use the default" (see defaultActivationDuration). */
  duration?: Duration;
  /** Requested start in UTC; undefined means "now". */
  start?: DateTime;
  /** The start as the user wrote it (`tomorrow 9:00`), for echoing back. */
  startText?: string;
  justification?: string;
  ticket?: string;
  /** The end as the user wrote it (`until 18:00`, `till end of shift`); the duration is computed from it. */
  untilText?: string;
  /**
   * True when the justification was not introduced by "because"/"reason" (`activate GA 2h prod
   * outage`): words the user meant as part of the role name may have ended up in it, or the other way round.
   */
  reasonImplicit?: boolean;
}

export interface RolesCommand {
  kind: 'roles';
}
export interface HelpCommand {
  kind: 'help';
  /** A catalogue command name when the user asked about one (`help activate`). */
  topic?: string;
}
export interface StatusCommand {
  kind: 'status';
}
export interface ApprovalsCommand {
  kind: 'approvals';
}
export type CancelTarget = { type: 'role'; name: string } | { type: 'request'; id: string };
export interface CancelCommand {
  kind: 'cancel';
  /** Undefined: cancel "my pending request" (the use case asks which when there are several). */
  target?: CancelTarget;
}
export interface DeactivateCommand {
  kind: 'deactivate';
  /** Role names as typed; resolve them with matchRole. */
  roles: string[];
  /** `deactivate group <name> [member|owner]`: the PIM for Groups access to look among. */
  group?: { access?: 'member' | 'owner' };
}
/** `activate` alone: show the activation form card. */
export interface ActivateFormCommand {
  kind: 'activateForm';
}
export interface ActivateCommand extends ActivationOptions {
  kind: 'activate';
  /** Role names as typed (one or more); resolve them with matchRole. */
  roles: string[];
  /** Administrative unit (or other scope) name as typed, to pick among scoped eligibilities. */
  scope?: string;
}
export interface ActivateGroupCommand extends ActivationOptions {
  kind: 'activateGroup';
  group: string;
  /** PIM for Groups access: membership (default) or ownership. */
  access: 'member' | 'owner';
}
/** `extend <role> [by 1h]`: keep an active role longer. */
export interface ExtendCommand {
  kind: 'extend';
  role: string;
  /** How much longer; undefined means the default (1 h). */
  by?: Duration;
  /** `extend group <name> [member|owner]`: the PIM for Groups access to look among. */
  group?: { access?: 'member' | 'owner' };
}
export interface RemindBeforeCommand {
  kind: 'remindBefore';
  /** How long before expiry to remind. */
  lead: Duration;
}
export interface RemindersToggleCommand {
  kind: 'remindersToggle';
  enabled: boolean;
}

/** `subscribe [<role>, …]`: announce activations of those roles here (all privileged roles when none). */
export interface SubscribeCommand {
  kind: 'subscribe';
  /** Role names as typed; empty means every privileged role. */
  roles: string[];
}
/** `unsubscribe [<role>, …]`: stop announcing those roles here (everything when none). */
export interface UnsubscribeCommand {
  kind: 'unsubscribe';
  roles: string[];
}
/** `subscriptions`: what this conversation is subscribed to, and where its approvals go. */
export interface SubscriptionsCommand {
  kind: 'subscriptions';
}
/** `who`, `board`, `who has <role>`: the "who holds what" board. */
export interface WhoCommand {
  kind: 'who';
  /** A role name as typed, to show only that role. */
  role?: string;
}
/** `approvals here [<role>, …]`: post approval cards for those roles (all when none) here too. */
export interface ApprovalsHereCommand {
  kind: 'approvalsHere';
  roles: string[];
}
/** `approvals off [<role>, …]`: stop posting approval cards here (for those roles, or all). */
export interface ApprovalsOffCommand {
  kind: 'approvalsOff';
  roles: string[];
}

/** `audit [user|role] [<name>] [since <date|duration>]`: the audit trail (admins only). */
export interface AuditCommand {
  kind: 'audit';
  /** A user (display name or sign-in name) or a role, as typed; `kind` when the user said which. */
  subject?: { text: string; kind?: 'user' | 'role' };
  /** Entries from this instant on (UTC). */
  since?: DateTime;
}

/** `settings`: the admin settings card (admins only). */
export interface SettingsCommand {
  kind: 'settings';
}

export type Command =
  | AuditCommand
  | SettingsCommand
  | RolesCommand
  | HelpCommand
  | StatusCommand
  | ApprovalsCommand
  | CancelCommand
  | DeactivateCommand
  | ActivateFormCommand
  | ActivateCommand
  | ActivateGroupCommand
  | ExtendCommand
  | RemindBeforeCommand
  | RemindersToggleCommand
  | SubscribeCommand
  | UnsubscribeCommand
  | SubscriptionsCommand
  | WhoCommand
  | ApprovalsHereCommand
  | ApprovalsOffCommand;

/** What parsers need to turn relative times into instants. */
export interface ParseContext {
  now: DateTime;
  /** The user's IANA time zone. */
  zone: string;
  /** Ticket ids recognised without the word "ticket" (TICKET_PATTERN); default DEFAULT_TICKET_PATTERN. */
  ticketPattern?: RegExp;
  /** The end of a shift (`18:00`, SHIFT_END) for `till end of shift`; unset: not known. */
  shiftEnd?: string;
}
