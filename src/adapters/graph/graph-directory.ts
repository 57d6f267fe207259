import { isDomainError } from '../../domain/errors';
import {
  MAX_USERS_FOUND,
  type Directory,
  type DirectoryGroup,
  type DirectoryUser,
} from '../../ports/directory';
import type { GraphHttp } from './graph-http';
import { graphPaths, odataString } from './graph-paths';

interface RawDirectoryObject {
  '@odata.type'?: string;
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  isAssignableToRole?: boolean | null;
}

const USER_FIELDS = 'id,displayName,userPrincipalName,mail';
const GROUP_FIELDS = 'id,displayName,isAssignableToRole';
/** Graph limits `in (…)` filters to 15 values. */
const IN_BATCH = 15;
const MAX_NESTING = 10;

/** Directory reads over Graph with the app-only token. */
export class GraphDirectory implements Directory {
  constructor(
    private readonly http: GraphHttp,
    private readonly appToken: () => Promise<string>,
  ) {}

  async getUser(userId: string): Promise<DirectoryUser> {
    const result = await this.http.send<RawDirectoryObject>({
      method: 'GET',
      path: graphPaths.user(userId),
      query: { $select: USER_FIELDS },
      token: await this.appToken(),
      operation: 'read',
    });
    return toUser(result.body ?? { id: userId });
  }

  async findUsers(name: string): Promise<DirectoryUser[]> {
    const fields = name.includes('@') ? ['userPrincipalName', 'mail'] : ['displayName'];
    const found = new Map<string, DirectoryUser>();
    for (const field of fields) {
      const result = await this.http.send<{ value?: RawDirectoryObject[] }>({
        method: 'GET',
        path: graphPaths.users(),
        query: {
          $filter: `${field} eq ${odataString(name)}`,
          $select: USER_FIELDS,
          $top: String(MAX_USERS_FOUND),
        },
        token: await this.appToken(),
        operation: 'read',
      });
      for (const raw of result.body?.value ?? []) found.set(raw.id, toUser(raw));
      if (found.size > 0) break;
    }
    return [...found.values()].slice(0, MAX_USERS_FOUND);
  }

  async getUsers(userIds: string[]): Promise<DirectoryUser[]> {
    const raw = await this.byIds(graphPaths.users(), userIds, USER_FIELDS);
    return raw.map(toUser);
  }

  async getGroup(groupId: string): Promise<DirectoryGroup> {
    const result = await this.http.send<RawDirectoryObject>({
      method: 'GET',
      path: graphPaths.group(groupId),
      query: { $select: GROUP_FIELDS },
      token: await this.appToken(),
      operation: 'read',
    });
    return toGroup(result.body ?? { id: groupId });
  }

  async getGroups(groupIds: string[]): Promise<DirectoryGroup[]> {
    const raw = await this.byIds(graphPaths.groups(), groupIds, GROUP_FIELDS);
    return raw.map(toGroup);
  }

  async listTransitiveGroups(userId: string): Promise<DirectoryGroup[]> {
    const raw = await this.http.getAll<RawDirectoryObject>({
      path: graphPaths.transitiveGroups(userId),
      token: await this.appToken(),
      operation: 'read',
    });
    return raw.filter(isGroup).map(toGroup);
  }

  /**
   * Transitive membership from the user's side (`transitiveMemberOf`, app-only): one paged read
   * however deep the nesting. A user who does not exist is a member of nothing.
   */
  async isMemberOfGroup(userId: string, groupId: string): Promise<boolean> {
    try {
      const groups = await this.listTransitiveGroups(userId);
      return groups.some((group) => group.id.toLowerCase() === groupId.toLowerCase());
    } catch (error) {
      if (isDomainError(error) && error.details.status === 404) return false;
      throw error;
    }
  }

  async listGroupMembers(groupId: string): Promise<DirectoryUser[]> {
    const users = new Map<string, DirectoryUser>();
    const seenGroups = new Set<string>();
    let level = [groupId];
    for (let depth = 0; level.length > 0 && depth < MAX_NESTING; depth += 1) {
      const nested: string[] = [];
      for (const id of level) {
        if (seenGroups.has(id)) continue;
        seenGroups.add(id);
        const members = await this.http.getAll<RawDirectoryObject>({
          path: graphPaths.groupMembers(id),
          token: await this.appToken(),
          operation: 'read',
        });
        for (const member of members) {
          if (isGroup(member)) nested.push(member.id);
          else if (isUser(member)) users.set(member.id, toUser(member));
        }
      }
      level = nested;
    }
    return [...users.values()];
  }

  async listGroupOwners(groupId: string): Promise<DirectoryUser[]> {
    const owners = await this.http.getAll<RawDirectoryObject>({
      path: graphPaths.groupOwners(groupId),
      token: await this.appToken(),
      operation: 'read',
    });
    return owners.filter(isUser).map(toUser);
  }

  async listChatOwnerIds(chatId: string): Promise<string[]> {
    const members = await this.http.getAll<{ userId?: string | null; roles?: string[] | null }>({
      path: graphPaths.chatMembers(chatId),
      token: await this.appToken(),
      operation: 'read',
    });
    return members
      .filter((m) => typeof m.userId === 'string' && (m.roles ?? []).some((r) => r.toLowerCase() === 'owner'))
      .map((m) => m.userId as string);
  }

  private async byIds(path: string, ids: string[], select: string): Promise<RawDirectoryObject[]> {
    const unique = [...new Set(ids)];
    const found: RawDirectoryObject[] = [];
    for (let i = 0; i < unique.length; i += IN_BATCH) {
      const batch = unique.slice(i, i + IN_BATCH);
      found.push(
        ...(await this.http.getAll<RawDirectoryObject>({
          path,
          query: { $filter: `id in (${batch.map(odataString).join(',')})`, $select: select },
          token: await this.appToken(),
          operation: 'read',
        })),
      );
    }
    return found;
  }
}

function isGroup(value: RawDirectoryObject): boolean {
  return (value['@odata.type'] ?? '').toLowerCase() === '#microsoft.graph.group';
}

function isUser(value: RawDirectoryObject): boolean {
  const type = (value['@odata.type'] ?? '').toLowerCase();
  return type === '#microsoft.graph.user' || (type === '' && Boolean(value.userPrincipalName));
}

function toUser(raw: RawDirectoryObject): DirectoryUser {
  return {
    id: raw.id,
    displayName: raw.displayName ?? raw.userPrincipalName ?? raw.id,
    userPrincipalName: raw.userPrincipalName ?? undefined,
    mail: raw.mail ?? undefined,
  };
}

function toGroup(raw: RawDirectoryObject): DirectoryGroup {
  return {
    id: raw.id,
    displayName: raw.displayName ?? raw.id,
    isAssignableToRole: raw.isAssignableToRole ?? undefined,
  };
}
