import type { DateTime } from 'luxon';
import { AuditActions } from '../../domain/audit/audit-actions';
import { DomainError, ErrorCodes } from '../../domain/errors';
import { namesRoleExactly } from '../../domain/roles/role-matcher';
import type { AuditLog, AuditRecord } from '../../ports/audit-log';
import type { Directory } from '../../ports/directory';
import type { PimGateway } from '../../ports/pim-gateway';
import type { AdminGate } from '../admin/admin-gate';
import type { Actor } from '../shared/actor';
import { actorFields } from './activation-events';

/** Whom or what a page of the trail is about, resolved to ids. */
export interface AuditSubject {
  kind: 'user' | 'role';
  id: string;
  /** Display name (a user's sign-in name in brackets when two share a name). */
  name: string;
}

/** Where the next page starts: entries older than this one. */
export interface AuditCursor {
  at: DateTime;
  id: number;
}

export interface ViewAuditTrailInput {
  actor: Pick<Actor, 'userId' | 'displayName'>;
  /** As typed (a command), or as resolved on an earlier page (a paging click). */
  subject?: { text: string; kind?: 'user' | 'role' } | AuditSubject;
  since?: DateTime;
  /** Absent on the first page. */
  before?: AuditCursor;
}

export interface AuditTrailPage {
  subject?: AuditSubject;
  since?: DateTime;
  /** Newest first. */
  entries: AuditRecord[];
  /** Set when there are older entries. */
  next?: AuditCursor;
}

export const AUDIT_PAGE_SIZE = 10;

/**
 * `audit [<user>|<role>] [since …]`: one page of the trail, newest first, for admins only (a
 * refusal is itself audited). A typed subject is a role (by name or alias) or a user (by display
 * name, sign-in name or mail); reading the first page is recorded too.
 */
export class ViewAuditTrailUseCase {
  constructor(
    private readonly deps: {
      gate: AdminGate;
      audit: AuditLog;
      pim: Pick<PimGateway, 'listRoleDefinitions'>;
      directory: Pick<Directory, 'findUsers'>;
      pageSize?: number;
    },
  ) {}

  async execute(input: ViewAuditTrailInput): Promise<AuditTrailPage> {
    await this.deps.gate.require(input.actor, 'audit', 'read the audit trail');
    const subject =
      input.subject && 'id' in input.subject
        ? input.subject
        : input.subject && (await this.resolve(input.subject));
    const pageSize = this.deps.pageSize ?? AUDIT_PAGE_SIZE;
    const found = await this.deps.audit.list({
      userId: subject?.kind === 'user' ? subject.id : undefined,
      roleId: subject?.kind === 'role' ? subject.id : undefined,
      since: input.since,
      before: input.before,
      limit: pageSize + 1,
    });
    const entries = found.slice(0, pageSize);
    const last = entries[entries.length - 1];
    if (!input.before) {
      await this.deps.audit.record({
        ...actorFields(input.actor),
        action: AuditActions.auditViewed,
        outcome: 'succeeded',
        principalId: subject?.kind === 'user' ? subject.id : undefined,
        principalName: subject?.kind === 'user' ? subject.name : undefined,
        role: subject?.kind === 'role' ? { id: subject.id, name: subject.name } : undefined,
        details: { since: input.since?.toUTC().toISO() ?? null },
      });
    }
    return {
      subject,
      since: input.since,
      entries,
      next: found.length > pageSize && last ? { at: last.at, id: last.id } : undefined,
    };
  }

  private async resolve(typed: { text: string; kind?: 'user' | 'role' }): Promise<AuditSubject> {
    const roles =
      typed.kind === 'user'
        ? []
        : (await this.deps.pim.listRoleDefinitions())
            .filter((d) => namesRoleExactly(typed.text, { roleName: d.displayName }))
            .map((d): AuditSubject => ({ kind: 'role', id: d.id, name: d.displayName }));
    const users =
      typed.kind === 'role' || (roles.length > 0 && typed.kind === undefined)
        ? []
        : (await this.deps.directory.findUsers(typed.text)).map((u): AuditSubject => ({
            kind: 'user',
            id: u.id,
            name: u.userPrincipalName ? `${u.displayName} (${u.userPrincipalName})` : u.displayName,
          }));
    const candidates = [...roles, ...users];
    if (candidates.length === 1) {
      const [only] = candidates;
      return only.kind === 'user' ? { ...only, name: only.name.replace(/ \(.*\)$/, '') } : only;
    }
    const what = typed.kind ?? 'user or role';
    if (candidates.length === 0) {
      throw new DomainError(ErrorCodes.CommandInvalid, `No ${what} is called "${typed.text}".`, {
        remedy:
          typed.kind === 'role'
            ? 'Give the role’s name as PIM shows it (Exchange Administrator) or a short form (Exchange Admin).'
            : 'Give a user’s full display name (Alex Morgan) or sign-in name (alex@contoso.com), or a role’s name (Exchange Administrator).',
        details: { input: typed.text },
      });
    }
    throw new DomainError(
      ErrorCodes.CommandInvalid,
      `"${typed.text}" could mean ${candidates.map((c) => `${c.kind} ${c.name}`).join(', ')}.`,
      {
        remedy: 'Say which: "audit user alex@contoso.com" with the sign-in name, or "audit role <name>".',
        details: { input: typed.text },
      },
    );
  }
}
