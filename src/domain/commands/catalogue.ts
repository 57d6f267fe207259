/**
 * The bot's top-level chat commands: one entry per command the router registers. The Teams
 * manifest's `commandLists` are generated from (and checked against) this list, and the help card
 * lists it. Keep it free of imports so build scripts can load the compiled file on its own.
 *
 * - `name`: the command's canonical word(s), as registered with the router.
 * - `title`: what Teams shows in the command menu and inserts into the compose box (≤ 32 chars).
 * - `description`: one line for the command menu (≤ 128 chars).
 * - `example`: a complete, valid command a user can copy.
 * - `more`: further complete examples (shorter forms) the help card shows.
 * - `words`: every word sequence that starts this command (the name first, then aliases).
 * - `adminOnly`: for Elevate admins (members of the admin group). Left out of Teams' command menu,
 *   which shows at most 10 commands per scope and is for everyone; the help card still lists it.
 */
export type CommandScope = 'personal' | 'team' | 'groupChat';

export interface CommandCatalogueEntry {
  name: string;
  title: string;
  description: string;
  example: string;
  more?: readonly string[];
  scopes: CommandScope[];
  words: readonly string[];
  adminOnly?: boolean;
}

const EVERYWHERE: CommandScope[] = ['personal', 'team', 'groupChat'];

export const COMMAND_CATALOGUE: ReadonlyArray<CommandCatalogueEntry> = [
  {
    name: 'roles',
    title: 'roles',
    description: 'List the PIM roles you can activate and the ones active now, with their end times.',
    example: 'my roles',
    scopes: [...EVERYWHERE],
    words: ['roles', 'my roles'],
  },
  {
    name: 'activate',
    title: 'activate',
    description:
      'Activate one or more eligible roles or a PIM group for a bounded time, with a reason and ticket.',
    example: 'activate Exchange Admin for 2h because mailbox migration ticket INC-42',
    more: [
      'activate exchange admin 2h prod mail outage INC-5521',
      'activate User Admin until 18:00 because new starter accounts',
    ],
    scopes: [...EVERYWHERE],
    words: ['activate'],
  },
  {
    name: 'deactivate',
    title: 'deactivate',
    description: 'Give back an active role before it expires.',
    example: 'deactivate Exchange Admin',
    scopes: [...EVERYWHERE],
    words: ['deactivate'],
  },
  {
    name: 'extend',
    title: 'extend',
    description: 'Keep an active role longer (1 h unless you say how long).',
    example: 'extend Exchange Admin by 1h',
    scopes: [...EVERYWHERE],
    words: ['extend'],
  },
  {
    name: 'status',
    title: 'status',
    description: 'Show your pending, scheduled and active requests.',
    example: 'status',
    scopes: [...EVERYWHERE],
    words: ['status'],
  },
  {
    name: 'cancel',
    title: 'cancel',
    description: 'Cancel a pending or scheduled request, by role name or request id.',
    example: 'cancel Exchange Admin',
    scopes: [...EVERYWHERE],
    words: ['cancel'],
  },
  {
    name: 'approvals',
    title: 'approvals',
    description:
      'List requests waiting for your approval; in a channel, "approvals here" and role names posts their cards there too.',
    example: 'approvals',
    scopes: [...EVERYWHERE],
    words: ['approvals'],
  },
  {
    name: 'who',
    title: 'who',
    description:
      'Who holds which privileged role right now, until when, for which ticket; "who has" and a role name for one.',
    example: 'who has Exchange Admin',
    scopes: [...EVERYWHERE],
    words: ['who', 'who has', 'who holds', 'board'],
  },
  {
    name: 'reminders',
    title: 'reminders',
    description: 'Choose when you are reminded before a role expires, or turn reminders off and on.',
    example: 'remind me 15m before',
    scopes: ['personal'],
    words: ['reminders', 'remind me'],
  },
  {
    name: 'subscribe',
    title: 'subscribe',
    description:
      'Announce activations of privileged roles here (all, or the roles named); also unsubscribe, subscriptions.',
    example: 'subscribe Exchange Admin, User Admin',
    scopes: ['team', 'groupChat'],
    words: ['subscribe', 'unsubscribe', 'subscriptions'],
  },
  {
    name: 'audit',
    title: 'audit',
    description:
      'Admins: who activated, approved or changed what, newest first; for one user or role, since a date or for a time.',
    example: 'audit Exchange Administrator since 7d',
    more: ['audit alex.morgan@contoso.example since yesterday', 'audit since 30 Nov'],
    scopes: ['personal'],
    words: ['audit'],
    adminOnly: true,
  },
  {
    name: 'settings',
    title: 'settings',
    description:
      'Admins: the default reminder lead, ticket pattern, admin group and approvals channels, for everyone.',
    example: 'settings',
    scopes: ['personal'],
    words: ['settings'],
    adminOnly: true,
  },
  {
    name: 'help',
    title: 'help',
    description: 'Show what Elevate can do and example commands.',
    example: 'help',
    scopes: [...EVERYWHERE],
    words: ['help'],
  },
];
