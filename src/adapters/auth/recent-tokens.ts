/** Tokens are handed out until this long before they expire. */
const MARGIN_SECONDS = 5 * 60;
const MAX_TOKENS = 10_000;

/**
 * Access tokens this process obtained, by key, until five minutes before their `exp` (judged by
 * the caller's clock). Bounded: past 10,000 keys it starts over.
 */
export class RecentTokens {
  private readonly tokens = new Map<string, { token: string; exp: number }>();

  get(key: string, nowSeconds: number): string | undefined {
    const entry = this.tokens.get(key);
    if (!entry) return undefined;
    if (entry.exp - MARGIN_SECONDS > nowSeconds) return entry.token;
    this.tokens.delete(key);
    return undefined;
  }

  /** Remembers a JWT under `key`; opaque tokens (no `exp`) are not remembered. */
  set(key: string, accessToken: string): void {
    const exp = expiryOf(accessToken);
    if (exp === undefined) return;
    if (this.tokens.size >= MAX_TOKENS) this.tokens.clear();
    this.tokens.set(key, { token: accessToken, exp });
  }

  forgetStartingWith(prefix: string): void {
    for (const key of [...this.tokens.keys()]) if (key.startsWith(prefix)) this.tokens.delete(key);
  }
}

/** The `exp` claim (epoch seconds) of a JWT, if it is one. */
export function expiryOf(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}
