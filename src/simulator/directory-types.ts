/** Directory part of a simulator seed (see seed/demo-tenant.json). */
export interface SeedTenant {
  id: string;
  displayName: string;
  domain: string;
}
export interface SeedApp {
  appId: string;
  displayName: string;
  clientSecret: string;
  redirectUris: string[];
  /** Application permissions granted with admin consent (appear as `roles` in app-only tokens). */
  applicationPermissions: string[];
  /** Delegated scopes consented (appear as `scp` in user tokens). */
  delegatedScopes: string[];
}
export interface SeedUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  /** Password for the simulated sign-in page and resource-owner password grant. */
  password: string;
  timeZone: string;
  jobTitle?: string;
}
export interface SeedGroup {
  id: string;
  displayName: string;
  isAssignableToRole: boolean;
  pimForGroups?: boolean;
  members: string[];
  /** Owners (a team's owners are its Microsoft 365 group's owners). */
  owners?: string[];
}
/** A Teams group chat; members with role 'owner' are its admins. */
export interface SeedChat {
  id: string;
  members: { userId: string; roles: ('owner' | 'guest')[] }[];
}
export interface SeedDirectory {
  tenant: SeedTenant;
  apps: SeedApp[];
  users: SeedUser[];
  groups: SeedGroup[];
  administrativeUnits: { id: string; displayName: string }[];
  chats?: SeedChat[];
}
