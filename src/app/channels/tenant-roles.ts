import { DomainError, ErrorCodes } from '../../domain/errors';
import type { EligibleRole } from '../../domain/roles';
import { matchRole } from '../../domain/roles/role-matcher';
import type { PimGateway } from '../../ports/pim-gateway';

/** A directory role of the tenant, as subscriptions and approval routes name it. */
export interface TenantRole {
  roleId: string;
  roleName: string;
}

/**
 * Resolves typed role names against every directory role of the tenant (app-only), with the
 * same matcher `activate` uses (aliases, initials, prefixes, small typos). Unknown and ambiguous
 * names are refused together, each with suggestions, so nothing is half-applied.
 */
export async function resolveTenantRoles(
  pim: Pick<PimGateway, 'listRoleDefinitions'>,
  names: readonly string[],
): Promise<TenantRole[]> {
  const definitions = await pim.listRoleDefinitions();
  const candidates: EligibleRole[] = definitions.map((d) => ({
    kind: 'directoryRole',
    roleId: d.id,
    roleName: d.displayName,
    directoryScopeId: '/',
    scopeName: 'Directory',
    via: { type: 'direct' },
  }));
  const found = new Map<string, TenantRole>();
  const problems: string[] = [];
  for (const name of names) {
    const match = matchRole(name, candidates, { maxSuggestions: 3 });
    if (match.kind === 'match') {
      found.set(match.role.roleId, { roleId: match.role.roleId, roleName: match.role.roleName });
    } else if (match.kind === 'ambiguous') {
      const options = [...new Set(match.candidates.map((c) => c.roleName))].slice(0, 5);
      problems.push(`"${name}" could be ${options.join(', ')}`);
    } else {
      const hints = match.suggestions.map((s) => s.roleName);
      problems.push(
        hints.length
          ? `no role is called "${name}" (did you mean ${hints.join(', ')}?)`
          : `no role is called "${name}"`,
      );
    }
  }
  if (problems.length > 0) {
    throw new DomainError(
      ErrorCodes.RoleNotFound,
      `I could not tell which roles you mean: ${problems.join('; ')}.`,
      {
        remedy: 'Use the role’s full name, for example "Exchange Administrator". Nothing was changed.',
        details: { problems },
      },
    );
  }
  return [...found.values()];
}
