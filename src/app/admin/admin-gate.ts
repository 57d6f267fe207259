import { AuditActions } from '../../domain/audit/audit-actions';
import { isDomainError } from '../../domain/errors';
import type { AuditLog } from '../../ports/audit-log';
import type { Actor } from '../shared/actor';
import type { AdminCheck } from './admin-check';
import { actorFields } from '../audit/activation-events';

/** The admin commands, as the audit trail names them. */
export type AdminCommand = 'audit' | 'settings';

/**
 * The door of every admin command: lets admins through and refuses everyone else with the admin
 * check's clear answer, recording the refusal in the audit trail (who tried which command, why not).
 */
export class AdminGate {
  constructor(
    private readonly deps: { admins: Pick<AdminCheck, 'requireAdmin'>; audit: Pick<AuditLog, 'record'> },
  ) {}

  async require(
    actor: Pick<Actor, 'userId' | 'displayName'>,
    command: AdminCommand,
    what: string,
  ): Promise<void> {
    try {
      await this.deps.admins.requireAdmin(actor.userId, what);
    } catch (error) {
      if (isDomainError(error)) {
        await this.deps.audit.record({
          ...actorFields(actor),
          action: AuditActions.adminRefused,
          outcome: 'refused',
          reason: `${error.code}: ${error.message}`,
          details: { command },
        });
      }
      throw error;
    }
  }
}
