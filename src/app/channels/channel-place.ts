/** The conversation a channel command was said in, as the use cases see it (no SDK types). */
export interface ChannelPlace {
  conversationId: string;
  tenantId: string;
  kind: 'personal' | 'groupChat' | 'channel';
  /** The team's Microsoft 365 group id (channels only), to find the team's owners. */
  teamGroupId?: string;
  /** Its name as Teams gives it ("Operations › Incidents"), for the settings card; when known. */
  name?: string;
}

/** Who is asking: from the authenticated activity only. */
export interface ChannelActor {
  userId: string;
  displayName: string;
}
