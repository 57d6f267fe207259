import { policyAssignmentJson, policyJson } from '../../pim/graph-serializers';
import type { Policy, Rule } from '../../pim/pim-types';
import { accessDenied } from '../../pim/pim-errors';
import {
  GLOBAL_ADMINISTRATOR,
  PRIVILEGED_ROLE_ADMINISTRATOR,
  type TenantState,
} from '../../pim/tenant-state';
import { badRequest, notFound } from '../graph-error';
import { collectionResult, entityResult } from '../graph-results';
import { eqValue, parseFilter } from '../odata-filter';
import { Permissions } from '../permissions';
import { requestBodyPointer } from '../schema-validator';
import { ID, type GraphContext, type GraphRoute } from '../graph-context';

const SCOPE_TYPES = ['Directory', 'DirectoryRole', 'Group'];

/**
 * Policies are only listed for one scope: Graph refuses a `$filter` without `scopeId` and
 * `scopeType` (REFERENCE §1.1, §12.10). Returned ids carry the scopeType used in the filter.
 */
function scopedPolicies(ctx: GraphContext): { prefix: string; policies: Policy[] } {
  const clauses = parseFilter(ctx.query.get('$filter') ?? undefined, [
    'scopeId',
    'scopeType',
    'roleDefinitionId',
    'policyId',
    'id',
  ]);
  const scopeId = eqValue(clauses, 'scopeId');
  const rawScopeType = eqValue(clauses, 'scopeType');
  if (scopeId === undefined || rawScopeType === undefined) {
    throw badRequest(
      'InvalidFilter',
      "The $filter is required and must contain scopeId eq '<scope>' and scopeType eq '<type>': scopeId '/' with scopeType 'Directory' or 'DirectoryRole' for Entra roles, or the group id with scopeType 'Group'.",
    );
  }
  const scopeType = SCOPE_TYPES.find((t) => t.toLowerCase() === rawScopeType.toLowerCase());
  if (!scopeType)
    throw badRequest(
      'InvalidFilter',
      `The scopeType '${rawScopeType}' is invalid; allowed: ${SCOPE_TYPES.join(', ')}.`,
    );
  if (scopeType !== 'Group' && scopeId !== '/')
    throw badRequest(
      'InvalidFilter',
      `For scopeType '${scopeType}' the scopeId must be '/'; got '${scopeId}'.`,
    );
  const roleDefinitionId = eqValue(clauses, 'roleDefinitionId');
  const policies = ctx.state.policies.filter(
    (p) =>
      (scopeType === 'Group'
        ? p.scopeType === 'Group' && p.scopeId.toLowerCase() === scopeId.toLowerCase()
        : p.scopeType === 'DirectoryRole') &&
      (roleDefinitionId === undefined || p.roleDefinitionId.toLowerCase() === roleDefinitionId.toLowerCase()),
  );
  return { prefix: scopeType, policies };
}

/** Parses `$expand=policy`, `policy($expand=rules)`, `rules`. */
function expansion(ctx: GraphContext): { policy: boolean; rules: boolean } {
  const raw = (ctx.query.get('$expand') ?? '').replace(/\s+/g, '').toLowerCase();
  if (raw === '') return { policy: false, rules: false };
  if (raw === 'policy') return { policy: true, rules: false };
  if (raw === 'policy($expand=rules)' || raw === 'policy($expand=rules())')
    return { policy: true, rules: true };
  if (raw === 'rules' || raw === 'effectiverules') return { policy: false, rules: true };
  throw badRequest(
    'BadRequest',
    `Unsupported $expand '${ctx.query.get('$expand')}'. Supported: policy, policy($expand=rules) on assignments; rules on policies.`,
  );
}

function findPolicy(state: TenantState, id: string): { policy: Policy; prefix: string } {
  const match = /^(Directory|DirectoryRole|Group)_([^_]+)_([0-9a-f-]{36})$/i.exec(id);
  const policy = match ? state.policies.find((p) => p.guid === match[3].toLowerCase()) : undefined;
  if (!match || !policy) throw notFound('roleManagementPolicy', id);
  return { policy, prefix: policy.scopeType === 'Group' ? 'Group' : match[1] };
}

function findRule(policy: Policy, ruleId: string): Rule {
  const rule = policy.rules.find((r) => r.id.toLowerCase() === ruleId.toLowerCase());
  if (!rule) throw notFound('unifiedRoleManagementPolicyRule', ruleId);
  return rule;
}

export function policyRoutes(): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/policies\/roleManagementPolicyAssignments$/i,
      permission: Permissions.policiesRead,
      handle(ctx) {
        const { prefix, policies } = scopedPolicies(ctx);
        const exp = expansion(ctx);
        const items = policies.map((p) =>
          policyAssignmentJson(p, ctx.state.tenantId, prefix, exp.policy, exp.rules),
        );
        const context = exp.rules
          ? 'policies/roleManagementPolicyAssignments(policy(rules()))'
          : exp.policy
            ? 'policies/roleManagementPolicyAssignments(policy())'
            : 'policies/roleManagementPolicyAssignments';
        return collectionResult(ctx, context, items);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/policies/roleManagementPolicyAssignments/${ID}$`, 'i'),
      permission: Permissions.policiesRead,
      handle(ctx) {
        const id = ctx.params[0];
        const policyIdPart = id.replace(/_[^_]+$/, '');
        const { policy, prefix } = findPolicy(ctx.state, policyIdPart);
        const exp = expansion(ctx);
        const body = policyAssignmentJson(policy, ctx.state.tenantId, prefix, exp.policy, exp.rules);
        if (body.id !== id) throw notFound('roleManagementPolicyAssignment', id);
        return entityResult(ctx, 'policies/roleManagementPolicyAssignments/$entity', body);
      },
    },
    {
      method: 'GET',
      pattern: /^\/policies\/roleManagementPolicies$/i,
      permission: Permissions.policiesRead,
      handle(ctx) {
        const { prefix, policies } = scopedPolicies(ctx);
        const exp = expansion(ctx);
        const items = policies.map((p) => policyJson(p, ctx.state.tenantId, prefix, exp.rules));
        return collectionResult(ctx, 'policies/roleManagementPolicies', items);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/policies/roleManagementPolicies/${ID}$`, 'i'),
      permission: Permissions.policiesRead,
      handle(ctx) {
        const { policy, prefix } = findPolicy(ctx.state, ctx.params[0]);
        const body = policyJson(policy, ctx.state.tenantId, prefix, expansion(ctx).rules);
        return entityResult(ctx, 'policies/roleManagementPolicies/$entity', body);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/policies/roleManagementPolicies/${ID}/(?:rules|effectiveRules)$`, 'i'),
      permission: Permissions.policiesRead,
      handle(ctx) {
        const { policy } = findPolicy(ctx.state, ctx.params[0]);
        return collectionResult(
          ctx,
          `policies/roleManagementPolicies('${ctx.params[0]}')/rules`,
          policy.rules,
        );
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/policies/roleManagementPolicies/${ID}/(?:rules|effectiveRules)/${ID}$`, 'i'),
      permission: Permissions.policiesRead,
      handle(ctx) {
        const { policy } = findPolicy(ctx.state, ctx.params[0]);
        return entityResult(
          ctx,
          `policies/roleManagementPolicies('${ctx.params[0]}')/rules/$entity`,
          findRule(policy, ctx.params[1]),
        );
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^/policies/roleManagementPolicies/${ID}/rules/${ID}$`, 'i'),
      permission: Permissions.policyRuleWrite,
      bodySchema: requestBodyPointer('updateUnifiedRoleManagementPolicyRule'),
      handle(ctx) {
        const { policy } = findPolicy(ctx.state, ctx.params[0]);
        const rule = findRule(policy, ctx.params[1]);
        const me = ctx.caller.oid ?? '';
        if (
          !ctx.state.holdsRole(me, PRIVILEGED_ROLE_ADMINISTRATOR) &&
          !ctx.state.holdsRole(me, GLOBAL_ADMINISTRATOR)
        ) {
          throw accessDenied(
            'Updating role settings needs the Privileged Role Administrator or Global Administrator role active.',
          );
        }
        const body = ctx.body ?? {};
        const sentType = String(body['@odata.type']).replace(/^#?/, '#');
        if (sentType.toLowerCase() !== rule['@odata.type'].toLowerCase()) {
          throw badRequest(
            'BadRequest',
            `Invalid request body: '@odata.type' must be '${rule['@odata.type']}' for rule '${rule.id}'; got '${String(body['@odata.type'])}'.`,
          );
        }
        const strip = (v: unknown): unknown =>
          Array.isArray(v)
            ? v.map(strip)
            : v && typeof v === 'object'
              ? Object.fromEntries(
                  Object.entries(v)
                    .filter(
                      ([k]) =>
                        !(k === '@odata.type' && !String((v as Record<string, unknown>)[k]).startsWith('#')),
                    )
                    .map(([k, x]) => [k, strip(x)]),
                )
              : v;
        const updated = {
          ...rule,
          ...(strip(body) as Record<string, unknown>),
          id: rule.id,
          '@odata.type': rule['@odata.type'],
        } as Rule;
        policy.rules = policy.rules.map((r) => (r === rule ? updated : r));
        policy.lastModifiedDateTime = ctx.state.clock.now();
        policy.lastModifiedBy = { displayName: ctx.state.user(me)?.displayName ?? null, id: me };
        return { status: 204 };
      },
    },
  ];
}
