import { DomainError, ErrorCodes } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';

export interface AdminCheckDeps {
  directory: Pick<Directory, 'isMemberOfGroup'>;
  clock: Pick<Clock, 'now'>;
  /**
   * The admin group's object id as it stands now (the stored setting, else ADMIN_GROUP_ID), or
   * undefined when none is set. Read on every check, so a change applies at once.
   */
  adminGroupId(): Promise<string | undefined>;
  /** How long one membership answer is reused. Default 60 s. */
  ttlSeconds?: number;
  /** Cached answers kept at most (oldest dropped first). Default 1,000. */
  maxEntries?: number;
}

/**
 * Who administers Elevate: members of the admin group (transitively), read from Graph app-only
 * and cached briefly per user and group, so a removed admin loses access within the TTL and a
 * busy admin does not cost a Graph call per click. The ONE admin check: audit, settings and the
 * channel commands all ask it.
 */
export class AdminCheck {
  private readonly cache = new Map<string, { member: boolean; until: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(private readonly deps: AdminCheckDeps) {
    this.ttlMs = (deps.ttlSeconds ?? 60) * 1000;
    this.maxEntries = deps.maxEntries ?? 1000;
  }

  /** False when no admin group is set. Graph failures are thrown (never read as "not an admin"). */
  async isAdmin(userId: string): Promise<boolean> {
    const groupId = await this.deps.adminGroupId();
    if (!groupId) return false;
    return this.isMember(userId, groupId);
  }

  /** Throws NOT_AN_ADMIN (or ADMIN_GROUP_NOT_SET) unless the user may administer Elevate. */
  async requireAdmin(userId: string, what: string): Promise<void> {
    const groupId = await this.deps.adminGroupId();
    if (!groupId) {
      throw new DomainError(ErrorCodes.AdminGroupNotSet, `Nobody can ${what} yet: no admin group is set.`, {
        remedy:
          'Ask whoever runs Elevate to set ADMIN_GROUP_ID to the Entra group whose members administer it, then try again.',
      });
    }
    if (!(await this.isMember(userId, groupId))) {
      throw new DomainError(ErrorCodes.NotAnAdmin, `Only Elevate administrators can ${what}.`, {
        remedy:
          'If you need this, ask an Elevate administrator to add you to the admin group in Microsoft Entra; it applies within a minute.',
      });
    }
  }

  private async isMember(userId: string, groupId: string): Promise<boolean> {
    const key = `${groupId.toLowerCase()}|${userId.toLowerCase()}`;
    const now = this.deps.clock.now().toMillis();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.member;
    const member = await this.deps.directory.isMemberOfGroup(userId, groupId);
    this.cache.delete(key);
    this.cache.set(key, { member, until: now + this.ttlMs });
    while (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return member;
  }
}
