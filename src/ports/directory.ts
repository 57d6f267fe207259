/**
 * Directory reads (users and groups) the bot does on its own, app-only. Implemented in
 * src/adapters/graph.
 */
export interface Directory {
  /** Throws DomainError GRAPH_ERROR (details.status 404) when the user does not exist. */
  getUser(userId: string): Promise<DirectoryUser>;
  /**
   * Users whose sign-in name or mail (when `name` has an @) or display name equals `name`, ignoring
   * case; at most MAX_USERS_FOUND.
   */
  findUsers(name: string): Promise<DirectoryUser[]>;
  /** Users by id; unknown ids are left out. */
  getUsers(userIds: string[]): Promise<DirectoryUser[]>;
  getGroup(groupId: string): Promise<DirectoryGroup>;
  getGroups(groupIds: string[]): Promise<DirectoryGroup[]>;
  /** Groups the user belongs to directly or through nested groups. */
  listTransitiveGroups(userId: string): Promise<DirectoryGroup[]>;
  /** Whether the user is a member of the group, directly or through nested groups. */
  isMemberOfGroup(userId: string, groupId: string): Promise<boolean>;
  /** Users in the group, including through nested groups. */
  listGroupMembers(groupId: string): Promise<DirectoryUser[]>;
  /** The group's owners (a team's owners are its Microsoft 365 group's owners). */
  listGroupOwners(groupId: string): Promise<DirectoryUser[]>;
  /** Entra object ids of a Teams group chat's members who have the owner (admin) role. */
  listChatOwnerIds(chatId: string): Promise<string[]>;
}

/** Most users `findUsers` returns (more means the name is not specific enough). */
export const MAX_USERS_FOUND = 10;

export interface DirectoryUser {
  id: string;
  displayName: string;
  userPrincipalName?: string;
  mail?: string;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  isAssignableToRole?: boolean;
}
