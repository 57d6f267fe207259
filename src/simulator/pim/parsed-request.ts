import type { DateTime } from 'luxon';
import { badRequest } from '../graph/graph-error';
import type { RequestCollection, Schedule, Target } from './pim-types';
import { canonicalAction, parseScheduleInfo, type Action, type ScheduleInfo } from './schedule-input';
import type { TenantState } from './tenant-state';

/** A schedule request body, checked against the tenant and normalised. */
export interface ParsedRequest {
  action: Action;
  kind: Schedule['kind'];
  target: Target;
  principalId: string;
  justification: string | null;
  ticketInfo: { ticketNumber: string | null; ticketSystem: string | null };
  scheduleInfo: ScheduleInfo | null;
  isValidationOnly: boolean;
}

/** Assignment collections make assignments; eligibility collections make eligibilities. */
export const scheduleKindOf = (c: RequestCollection): Schedule['kind'] =>
  c === 'roleAssignment' || c === 'groupAssignment' ? 'assignment' : 'eligibility';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Parses a POSTed body: the action, a role or PIM-for-Groups target that exists, the principal, the schedule. */
export function parseScheduleRequest(
  state: TenantState,
  collection: RequestCollection,
  body: Record<string, unknown>,
  now: DateTime,
): ParsedRequest {
  const action = canonicalAction(body.action);
  const principalId = str(body.principalId) ?? '';
  let target: Target;
  if (collection === 'groupAssignment' || collection === 'groupEligibility') {
    const groupId = str(body.groupId) ?? '';
    const group = state.group(groupId);
    if (!group) throw badRequest('BadRequest', `Group '${groupId}' does not exist in the tenant.`);
    if (!group.pimForGroups)
      throw badRequest(
        'BadRequest',
        `Group '${group.displayName}' (${groupId}) is not managed by PIM for Groups.`,
      );
    const accessId = (str(body.accessId) ?? '').toLowerCase();
    if (accessId !== 'member' && accessId !== 'owner')
      throw badRequest(
        'BadRequest',
        `Invalid value '${String(body.accessId)}' for property 'accessId'. Allowed: member, owner.`,
      );
    target = { type: 'group', groupId: group.id, accessId };
  } else {
    const roleDefinitionId = str(body.roleDefinitionId) ?? '';
    if (!state.roleDefinitions.some((r) => r.id.toLowerCase() === roleDefinitionId.toLowerCase())) {
      throw badRequest(
        'RoleDefinitionDoesNotExist',
        `The role definition '${roleDefinitionId}' does not exist in the tenant.`,
      );
    }
    const directoryScopeId = str(body.directoryScopeId);
    const appScopeId = str(body.appScopeId);
    if (directoryScopeId !== null) validateScope(state, directoryScopeId);
    target = { type: 'role', roleDefinitionId, directoryScopeId, appScopeId };
  }
  if (!state.user(principalId) && !state.group(principalId)) {
    throw badRequest(
      'BadRequest',
      `Principal '${principalId}' does not exist in the tenant: principalId must be the object id of a user or group.`,
    );
  }
  const ticket = (body.ticketInfo ?? {}) as Record<string, unknown>;
  return {
    action,
    kind: scheduleKindOf(collection),
    target,
    principalId: state.user(principalId)?.id ?? principalId,
    justification: str(body.justification),
    ticketInfo: { ticketNumber: str(ticket.ticketNumber), ticketSystem: str(ticket.ticketSystem) },
    scheduleInfo: parseScheduleInfo(body.scheduleInfo, now),
    isValidationOnly: body.isValidationOnly === true,
  };
}

function validateScope(state: TenantState, scope: string): void {
  if (scope === '/') return;
  const au = /^\/administrativeUnits\/([0-9a-f-]{36})$/i.exec(scope);
  if (au && state.seed.administrativeUnits.some((a) => a.id.toLowerCase() === au[1].toLowerCase())) return;
  const object = /^\/([0-9a-f-]{36})$/i.exec(scope);
  if (object && (state.user(object[1]) || state.group(object[1]))) return;
  throw badRequest(
    'InvalidScope',
    `The directoryScopeId '${scope}' is not valid: use '/', '/administrativeUnits/{id}' of an existing administrative unit, or '/{objectId}'. When activating, pass the eligibility's directoryScopeId unchanged.`,
  );
}
