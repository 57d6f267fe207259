import { DomainError, ErrorCodes } from '../../../src/domain/errors';
import type { EligibleRole } from '../../../src/domain/roles';
import { matchRole, type RoleMatch } from '../../../src/domain/roles/role-matcher';
import { editDistance } from '../../../src/domain/roles/string-distance';

let next = 0;
function role(roleName: string, extra: Partial<EligibleRole> = {}): EligibleRole {
  next += 1;
  return {
    kind: 'directoryRole',
    roleId: `role-${roleName.toLowerCase().replace(/\s+/g, '-')}`,
    roleName,
    directoryScopeId: '/',
    scopeName: 'Directory',
    via: { type: 'direct' },
    eligibilityScheduleId: `schedule-${next}`,
    ...extra,
  };
}

const emea = { directoryScopeId: '/administrativeUnits/3cfdd2b2', scopeName: 'EMEA Office' };
const viaHelpdesk = { type: 'group' as const, groupId: 'g-helpdesk', groupName: 'IT Helpdesk' };

const global = role('Global Administrator');
const exchange = role('Exchange Administrator');
const exchangeRecipient = role('Exchange Recipient Administrator');
const userTenant = role('User Administrator');
const userEmea = role('User Administrator', emea);
const helpdeskViaGroup = role('Helpdesk Administrator', { via: viaHelpdesk });
const pra = role('Privileged Role Administrator');
const reader = role('Global Reader');
const security = role('Security Administrator');
const sharepoint = role('SharePoint Administrator');

const eligible = [
  global,
  exchange,
  exchangeRecipient,
  userTenant,
  userEmea,
  helpdeskViaGroup,
  pra,
  reader,
  security,
  sharepoint,
];

function names(result: RoleMatch): string[] {
  if (result.kind === 'match') return [`${result.role.roleName} @ ${result.role.scopeName}`];
  const list = result.kind === 'ambiguous' ? result.candidates : result.suggestions;
  return list.map((r) => `${r.roleName} @ ${r.scopeName}`);
}

describe('matchRole', () => {
  it.each([
    ['Global Administrator', 'Global Administrator'],
    ['global administrator', 'Global Administrator'],
    ['  GLOBAL   administrator ', 'Global Administrator'],
    ['GA', 'Global Administrator'],
    ['Global Admin', 'Global Administrator'],
    ['Exchange Admin', 'Exchange Administrator'],
    ['PRA', 'Privileged Role Administrator'],
    ['privileged role admin', 'Privileged Role Administrator'],
    ['Helpdesk Admin', 'Helpdesk Administrator'],
    ['help desk admin', 'Helpdesk Administrator'],
    ['Global Reader', 'Global Reader'],
    ['SharePoint Admin', 'SharePoint Administrator'],
    ['Security Admin', 'Security Administrator'],
    ['Exchange Recipient Admin', 'Exchange Recipient Administrator'],
    ['the Exchange Administrator role', 'Exchange Administrator'],
    ['ERA', 'Exchange Recipient Administrator'],
    ['Privileged', 'Privileged Role Administrator'],
    ['priv role adm', 'Privileged Role Administrator'],
    ['Recipient', 'Exchange Recipient Administrator'],
    ['Exchnage Admin', 'Exchange Administrator'],
    ['Exchange Administartor', 'Exchange Administrator'],
    ['Sharepoint Adminstrator', 'SharePoint Administrator'],
  ])('%j → %s', (query, expected) => {
    const result = matchRole(query, eligible);
    expect(result.kind).toBe('match');
    expect(result.kind === 'match' && result.role.roleName).toBe(expected);
  });

  it('matches a role eligible only through a group, and keeps how it is held', () => {
    const result = matchRole('Helpdesk Administrator', eligible);
    expect(result).toEqual({ kind: 'match', role: helpdeskViaGroup });
  });

  it('counts a role held directly and through a group once, preferring the direct eligibility', () => {
    const viaGroup = role('Global Reader', { via: viaHelpdesk, roleId: reader.roleId });
    const result = matchRole('Global Reader', [viaGroup, reader]);
    expect(result).toEqual({ kind: 'match', role: reader });
  });

  it('asks which scope when the same role is eligible tenant-wide and for an admin unit', () => {
    const result = matchRole('User Admin', eligible);
    expect(result.kind).toBe('ambiguous');
    expect(names(result)).toEqual(['User Administrator @ Directory', 'User Administrator @ EMEA Office']);
  });

  it.each([
    ['EMEA Office', 'User Administrator @ EMEA Office'],
    ['emea office', 'User Administrator @ EMEA Office'],
    ['EMEA', 'User Administrator @ EMEA Office'],
    ['/administrativeUnits/3cfdd2b2', 'User Administrator @ EMEA Office'],
    ['directory', 'User Administrator @ Directory'],
    ['tenant', 'User Administrator @ Directory'],
    ['/', 'User Administrator @ Directory'],
  ])('narrows by scope %j', (scope, expected) => {
    expect(names(matchRole('User Admin', eligible, { scope }))).toEqual([expected]);
  });

  it('says when the role exists but not at the scope asked for, listing the scopes it has', () => {
    const result = matchRole('User Admin', eligible, { scope: 'APAC Office' });
    expect(result.kind).toBe('none');
    expect(result.kind === 'none' && result.reason).toBe('scope');
    expect(names(result)).toEqual(['User Administrator @ Directory', 'User Administrator @ EMEA Office']);
  });

  it('lists every candidate when a prefix fits several roles', () => {
    const result = matchRole('Exchange', eligible);
    expect(result.kind).toBe('ambiguous');
    expect(names(result)).toEqual([
      'Exchange Administrator @ Directory',
      'Exchange Recipient Administrator @ Directory',
    ]);
  });

  it('lists every candidate when initials fit several roles', () => {
    const result = matchRole('SA', eligible);
    expect(result.kind).toBe('ambiguous');
    expect(names(result).sort()).toEqual([
      'Security Administrator @ Directory',
      'SharePoint Administrator @ Directory',
    ]);
  });

  it('suggests near names ("did you mean") when nothing matches', () => {
    const result = matchRole('Exchange Operator', eligible);
    expect(result.kind).toBe('none');
    expect(result.kind === 'none' && result.reason).toBe('name');
    expect(names(result)).toContain('Exchange Administrator @ Directory');
    expect(names(result).length).toBeLessThanOrEqual(3);
  });

  it('suggests the closest names for a badly mistyped name', () => {
    const result = matchRole('Glbal Redr', eligible);
    expect(result.kind).toBe('none');
    expect(names(result)[0]).toBe('Global Reader @ Directory');
  });

  it('limits suggestions to maxSuggestions', () => {
    const result = matchRole('Administrator of things', eligible, { maxSuggestions: 1 });
    expect(result.kind === 'none' && result.suggestions.length).toBeLessThanOrEqual(1);
  });

  it('makes no fuzzy guess for very short queries', () => {
    expect(matchRole('GX', eligible).kind).toBe('none');
  });

  it('returns no suggestions for something unrelated', () => {
    expect(matchRole('Billing Administrator', [global])).toEqual({
      kind: 'none',
      reason: 'name',
      suggestions: [],
    });
  });

  it('treats roles the user is not eligible for as not found, even with a known alias', () => {
    const result = matchRole('GA', [exchange]);
    expect(result.kind).toBe('none');
  });

  it('works on PIM groups by name', () => {
    const group = role('SG-Ops-Admins', {
      kind: 'groupMember',
      roleId: 'g1',
      directoryScopeId: 'g1',
      scopeName: 'SG-Ops-Admins',
    });
    expect(matchRole('sg-ops-admins', [group])).toEqual({ kind: 'match', role: group });
  });

  it('rejects an empty name with a clear message', () => {
    let error: unknown;
    try {
      matchRole('  ', eligible);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCodes.CommandInvalid);
    expect((error as DomainError).message).toBe(
      'The role name is empty. For example: "activate Exchange Admin".',
    );
  });
});

describe('editDistance', () => {
  it.each([
    ['exchange', 'exchange', 0],
    ['exchnage', 'exchange', 1],
    ['exchange', 'exchang', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['ca', 'abc', 3],
  ])('%s ↔ %s = %d', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});
