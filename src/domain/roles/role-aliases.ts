/**
 * Names people use for Entra roles, lower-case, mapped to the role's display name. On top of
 * this table, "X Admin" and "X Administrator" are treated as the same name for every role, and
 * a role's initials (`EA` for Exchange Administrator) are tried when nothing else matches.
 */
export const ROLE_ALIASES: Readonly<Record<string, string>> = {
  ga: 'Global Administrator',
  'global admin': 'Global Administrator',
  'tenant admin': 'Global Administrator',
  'company admin': 'Global Administrator',
  'company administrator': 'Global Administrator',
  gr: 'Global Reader',
  'global read': 'Global Reader',
  pra: 'Privileged Role Administrator',
  'privileged role admin': 'Privileged Role Administrator',
  'pim admin': 'Privileged Role Administrator',
  paa: 'Privileged Authentication Administrator',
  'privileged auth admin': 'Privileged Authentication Administrator',
  'exchange admin': 'Exchange Administrator',
  'exo admin': 'Exchange Administrator',
  'user admin': 'User Administrator',
  'users admin': 'User Administrator',
  'security admin': 'Security Administrator',
  'sec admin': 'Security Administrator',
  'helpdesk admin': 'Helpdesk Administrator',
  'help desk admin': 'Helpdesk Administrator',
  'help desk administrator': 'Helpdesk Administrator',
  'password admin': 'Password Administrator',
  'sharepoint admin': 'SharePoint Administrator',
  'spo admin': 'SharePoint Administrator',
  'teams admin': 'Teams Administrator',
  'intune admin': 'Intune Administrator',
  'ca admin': 'Conditional Access Administrator',
  'conditional access admin': 'Conditional Access Administrator',
  'app admin': 'Application Administrator',
  'cloud app admin': 'Cloud Application Administrator',
  'auth admin': 'Authentication Administrator',
  'billing admin': 'Billing Administrator',
  'license admin': 'License Administrator',
  'groups admin': 'Groups Administrator',
  'group admin': 'Groups Administrator',
  'compliance admin': 'Compliance Administrator',
  'security reader': 'Security Reader',
  'sec reader': 'Security Reader',
  'reports reader': 'Reports Reader',
};

/** The query with "admin" and "administrator" swapped, so either spelling finds the role. */
export function adminVariants(query: string): string[] {
  const variants = new Set<string>([query]);
  variants.add(query.replace(/\badmins?\b/g, 'administrator'));
  variants.add(query.replace(/\badministrators?\b/g, 'admin'));
  variants.add(query.replace(/\badministrators\b/g, 'administrator'));
  return [...variants];
}
