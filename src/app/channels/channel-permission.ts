import { DomainError, ErrorCodes, isDomainError } from '../../domain/errors';
import type { Directory } from '../../ports/directory';
import type { ChannelActor, ChannelPlace } from './channel-place';

/** Why someone may change a conversation's subscriptions and approval routing. */
export type ManageGrant = 'teamOwner' | 'chatAdmin' | 'elevateAdmin';

/** Members of ADMIN_GROUP_ID (the one implementation lives with the admin settings). */
export interface ElevateAdminCheck {
  isAdmin(userId: string): Promise<boolean>;
}

/**
 * Team owners (in a channel), group-chat admins (in a group chat) and Elevate admins (members of
 * ADMIN_GROUP_ID) may change what a conversation receives; everyone else is refused.
 */
export class ChannelPermission {
  constructor(
    private readonly deps: {
      directory: Pick<Directory, 'listGroupOwners' | 'listChatOwnerIds'>;
      admins: ElevateAdminCheck;
    },
  ) {}

  /** The grant the actor holds here, or undefined. */
  async grantOf(actor: ChannelActor, place: ChannelPlace): Promise<ManageGrant | undefined> {
    if (place.kind === 'channel' && place.teamGroupId) {
      const owners = await this.deps.directory.listGroupOwners(place.teamGroupId).catch(emptyIfNotFound);
      if (owners.some((owner) => owner.id === actor.userId)) return 'teamOwner';
    }
    if (place.kind === 'groupChat') {
      const owners: string[] = await this.deps.directory
        .listChatOwnerIds(place.conversationId)
        .catch(emptyIfNotFound);
      if (owners.includes(actor.userId)) return 'chatAdmin';
    }
    if (await this.deps.admins.isAdmin(actor.userId)) return 'elevateAdmin';
    return undefined;
  }

  /** Throws ACCESS_DENIED (saying who may) unless the actor may manage this conversation. */
  async require(actor: ChannelActor, place: ChannelPlace): Promise<ManageGrant> {
    const grant = await this.grantOf(actor, place);
    if (grant) return grant;
    const who =
      place.kind === 'channel'
        ? 'the team’s owners'
        : place.kind === 'groupChat'
          ? 'the chat’s admins'
          : 'Elevate admins';
    throw new DomainError(
      ErrorCodes.AccessDenied,
      `Only ${who} and Elevate admins can change what this conversation receives from Elevate.`,
      {
        remedy: 'Ask a team owner or an Elevate admin to do it, or ask to be made an owner.',
        details: { conversationKind: place.kind },
      },
    );
  }
}

/** A team or chat Graph does not know has no owners; any other failure is passed on. */
function emptyIfNotFound(error: unknown): never[] {
  if (isDomainError(error) && error.details.status === 404) return [];
  throw error;
}
