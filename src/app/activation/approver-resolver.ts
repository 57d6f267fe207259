import type { Approver } from '../../domain/roles';
import type { Directory } from '../../ports/directory';
import type { NamedPerson } from './activation-outcome';

/**
 * Turns a policy's approvers (single users and groups) into the people who can decide: group
 * members are expanded through the directory, duplicates removed, order kept.
 */
export class ApproverResolver {
  constructor(private readonly directory: Directory) {}

  async resolve(approvers: readonly Approver[]): Promise<NamedPerson[]> {
    const people = new Map<string, NamedPerson>();
    const userIds = approvers.filter((a) => a.type === 'user').map((a) => a.userId);
    for (const user of userIds.length > 0 ? await this.directory.getUsers(userIds) : []) {
      people.set(user.id, { id: user.id, displayName: user.displayName });
    }
    for (const approver of approvers) {
      if (approver.type !== 'group') continue;
      for (const member of await this.directory.listGroupMembers(approver.groupId)) {
        if (!people.has(member.id)) people.set(member.id, { id: member.id, displayName: member.displayName });
      }
    }
    return [...people.values()];
  }
}
