import { roleLabel } from './role-label';
import type { ActiveRole, EligibleRole } from '../../../domain/roles';
import { renderCard } from '../cards/card-renderer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { roleSubject } from '../card-actions/card-action-signer';
import { signFor, type PresenterContext } from './presenter-context';
import { formatDate, formatInstant, humanDuration, zoneName } from './time-format';
import type { ActivationRules } from '../../../domain/roles';

export const ROLE_VERBS = ['activate', 'showActivationForm', 'pickRole', 'deactivate', 'submitActivation'];

export function viaGroup(role: EligibleRole): string {
  return role.via.type === 'group' ? role.via.groupName : '';
}

export function roleActionToken(
  ctx: PresenterContext,
  role: { roleId: string; directoryScopeId: string },
): string {
  return signFor(ctx, ROLE_VERBS, roleSubject(role.roleId, role.directoryScopeId));
}

/** The "my roles" card: eligible roles with Activate, active ones with their end and Deactivate. */
export function rolesListCard(
  ctx: PresenterContext,
  input: {
    displayName: string;
    eligible: EligibleRole[];
    active: ActiveRole[];
    rules: Map<string, ActivationRules>;
  },
): AdaptiveCardJson {
  const now = ctx.clock.now();
  return renderCard('roles-list', {
    subtitle: `${input.displayName} · times in ${zoneName(ctx.zone, ctx.clock.now())}`,
    active: input.active.map((role) => ({
      roleId: role.roleId,
      directoryScopeId: role.directoryScopeId,
      roleName: roleLabel(role),
      scopeName: role.scopeName,
      endsAt: role.endDateTime
        ? formatInstant(role.endDateTime, ctx.zone, now)
        : 'No end (permanent assignment)',
      token: roleActionToken(ctx, role),
    })),
    eligible: input.eligible.map((role) => {
      const rules = input.rules.get(rulesKey(role));
      return {
        roleId: role.roleId,
        directoryScopeId: role.directoryScopeId,
        roleName: roleLabel(role),
        scopeName: role.scopeName,
        maxDuration: rules ? humanDuration(rules.maximumDuration) : '',
        requiresApproval: rules?.approvalRequired ?? false,
        viaGroup: viaGroup(role),
        eligibleUntil: role.eligibleUntil ? formatDate(role.eligibleUntil, ctx.zone) : '',
        token: roleActionToken(ctx, role),
      };
    }),
    token: signFor(ctx, ['refresh', 'showRoles'], 'roles'),
  });
}

export const rulesKey = (role: { kind: string; roleId: string }): string => `${role.kind}:${role.roleId}`;

/** One role as a button on the pick-one and did-you-mean cards. */
function roleChoiceData(ctx: PresenterContext, role: EligibleRole) {
  return {
    roleId: role.roleId,
    directoryScopeId: role.directoryScopeId,
    roleName: roleLabel(role),
    scopeName: role.scopeName,
    viaGroup: viaGroup(role),
    token: roleActionToken(ctx, role),
  };
}

/** Several roles fit the name: one button per candidate. */
export function pickRoleCard(
  ctx: PresenterContext,
  query: string,
  candidates: EligibleRole[],
): AdaptiveCardJson {
  return renderCard('pick-role', {
    query,
    candidates: candidates.map((role) => roleChoiceData(ctx, role)),
  });
}

/** Nothing fits the name: suggestions as buttons, and a way to see every role. */
export function didYouMeanCard(
  ctx: PresenterContext,
  query: string,
  suggestions: EligibleRole[],
): AdaptiveCardJson {
  return renderCard('did-you-mean', {
    query,
    suggestions: suggestions.map((role) => roleChoiceData(ctx, role)),
    token: signFor(ctx, ['showRoles', 'refresh'], 'roles'),
  });
}
