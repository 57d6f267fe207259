import type { Duration } from 'luxon';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { ActivationRules } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { RoleRef } from '../../ports/pim-gateway';
import type { GraphHttp } from './graph-http';
import { graphPaths, odataString } from './graph-paths';
import { groupAccessId } from './pim-for-groups';
import { activationRulesFromPolicy } from './policy-rules';
import { TtlCache } from './ttl-cache';

/** A role's PIM policy as `ActivationRules` (app-only), cached per role for `ttl`. */
export class ActivationRulesReader {
  private readonly policies: TtlCache<ActivationRules>;

  constructor(
    private readonly http: GraphHttp,
    private readonly appToken: () => Promise<string>,
    ttl: Duration,
    clock: Clock,
  ) {
    this.policies = new TtlCache(ttl, clock);
  }

  async get(role: RoleRef): Promise<ActivationRules> {
    return this.policies.get(`${role.kind}|${role.roleId}`, async () => {
      const filter =
        role.kind === 'directoryRole'
          ? `scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq ${odataString(role.roleId)}`
          : `scopeId eq ${odataString(role.roleId)} and scopeType eq 'Group' and roleDefinitionId eq '${groupAccessId(role.kind)}'`;
      const assignments = await this.http.getAll<{
        id: string;
        policy?: { id?: string; rules?: Parameters<typeof activationRulesFromPolicy>[0] } | null;
      }>({
        path: graphPaths.policyAssignments(),
        query: { $filter: filter, $expand: 'policy($expand=rules)' },
        token: await this.appToken(),
        operation: 'read',
      });
      const policy = assignments[0]?.policy;
      if (!policy?.rules) {
        throw new DomainError(ErrorCodes.RoleNotFound, `No PIM policy was found for role ${role.roleId}.`, {
          remedy: 'Check the role name with `roles`; an administrator may need to configure it in PIM.',
          details: { kind: role.kind, roleId: role.roleId },
        });
      }
      return activationRulesFromPolicy(policy.rules, policy.id ?? assignments[0].id);
    });
  }
}
