import { DateTime } from 'luxon';
import type { ActivateCommand } from '../../../src/domain/commands';
import { useBotCommandParser } from '../../fixtures/bot-command-parser';
import type { EligibleRole } from '../../../src/domain/roles';
import { readRoleAndReason } from '../../../src/domain/roles/split-role-and-reason';

/** Chat text read by the router the bot really builds (buildTeamsBot). */
const parseCommand = useBotCommandParser();

const role = (roleName: string, roleId: string): EligibleRole => ({
  kind: 'directoryRole',
  roleId,
  roleName,
  directoryScopeId: '/',
  scopeName: 'Directory',
  via: { type: 'direct' },
});
const eligible = [
  role('Exchange Administrator', 'r-exchange'),
  role('User Administrator', 'r-user'),
  role('Global Reader', 'r-reader'),
];
const ctx = { now: DateTime.fromISO('2026-11-22T09:15:00Z'), zone: 'UTC' };
const activate = (text: string) => parseCommand(text, ctx) as ActivateCommand;

describe('readRoleAndReason: which words are the role and which the reason', () => {
  it('runs an exactly named role as typed', () => {
    expect(readRoleAndReason(activate('activate Exchange Admin for 2h'), eligible)).toEqual({
      kind: 'asTyped',
    });
    expect(readRoleAndReason(activate('activate exchange admin 2h prod outage'), eligible)).toEqual({
      kind: 'asTyped',
    });
  });

  it('splits off the reason after an exactly named role without asking', () => {
    const reading = readRoleAndReason(activate('activate exchange admin prod mail outage'), eligible);
    expect(reading).toMatchObject({
      kind: 'understood',
      confirm: false,
      role: { roleId: 'r-exchange' },
      command: { roles: ['exchange admin'], justification: 'prod mail outage' },
    });
  });

  it('asks when the role was found only by a prefix or a typo and the reason had no "because"', () => {
    expect(readRoleAndReason(activate('activate exch admin prod mail outage'), eligible)).toMatchObject({
      kind: 'understood',
      confirm: true,
      command: { roles: ['exch admin'], justification: 'prod mail outage' },
    });
    expect(readRoleAndReason(activate('activate exch admin 2h prod mail outage'), eligible)).toMatchObject({
      kind: 'understood',
      confirm: true,
      command: { roles: ['exch admin'], justification: 'prod mail outage' },
    });
  });

  it('leaves several roles, a scope, an explicit reason or an unknown name to the use case', () => {
    expect(readRoleAndReason(activate('activate GA, User Admin'), eligible).kind).toBe('asTyped');
    expect(readRoleAndReason(activate('activate exch admin because x'), eligible).kind).toBe('asTyped');
    expect(readRoleAndReason(activate('activate zebra keeper now please'), eligible).kind).toBe('asTyped');
  });
});
