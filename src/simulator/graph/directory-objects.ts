import type { SeedGroup, SeedUser } from '../directory-types';
import type { TenantState } from '../pim/tenant-state';

/** Directory objects as Graph renders them (the properties the bot reads). */
export function userJson(u: SeedUser): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.user',
    id: u.id,
    businessPhones: [],
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle ?? null,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
  };
}

export function groupJson(g: SeedGroup): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.group',
    id: g.id,
    deletedDateTime: null,
    displayName: g.displayName,
    description: null,
    isAssignableToRole: g.isAssignableToRole,
    securityEnabled: true,
    mailEnabled: false,
    groupTypes: [],
  };
}

export function directoryObjectJson(state: TenantState, id: string): Record<string, unknown> | null {
  const user = state.user(id);
  if (user) return userJson(user);
  const group = state.group(id);
  return group ? groupJson(group) : null;
}
