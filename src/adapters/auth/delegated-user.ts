import type { DelegatedUser, TokenProvider } from '../../ports/token-provider';

/** A DelegatedUser whose tokens come on-behalf-of the user's Teams SSO token. */
export function delegatedUser(
  tokens: TokenProvider,
  session: { userId: string; ssoToken: string; claims?: string },
): DelegatedUser {
  return {
    userId: session.userId,
    accessToken: () => tokens.onBehalfOf(session),
  };
}
