/** Who signed in, to which app, and how: what an authorization code or refresh token stands for. */
export interface DelegatedSession {
  tenantId: string;
  appId: string;
  userId: string;
  amr: string[];
  acrs: string[];
}
