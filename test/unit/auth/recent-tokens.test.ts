import { expiryOf, RecentTokens } from '../../../src/adapters/auth/recent-tokens';

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('RecentTokens', () => {
  test('hands a token out until five minutes before its exp', () => {
    const tokens = new RecentTokens();
    const token = jwt({ exp: 10_000 });
    tokens.set('user-1|a', token);
    expect(tokens.get('user-1|a', 9_699)).toBe(token);
    expect(tokens.get('user-1|a', 9_700)).toBeUndefined();
    // Once past the margin it is gone, even if the clock were moved back.
    expect(tokens.get('user-1|a', 1)).toBeUndefined();
  });

  test('does not remember opaque tokens, and forgets by key prefix', () => {
    const tokens = new RecentTokens();
    tokens.set('opaque', 'not-a-jwt');
    expect(tokens.get('opaque', 0)).toBeUndefined();
    tokens.set('user-1|a', jwt({ exp: 10_000 }));
    tokens.set('user-1|b', jwt({ exp: 10_000 }));
    tokens.set('user-2|a', jwt({ exp: 10_000 }));
    tokens.forgetStartingWith('user-1|');
    expect(tokens.get('user-1|a', 0)).toBeUndefined();
    expect(tokens.get('user-1|b', 0)).toBeUndefined();
    expect(tokens.get('user-2|a', 0)).toBeDefined();
  });

  test('reads exp from a JWT payload only', () => {
    expect(expiryOf(jwt({ exp: 42 }))).toBe(42);
    expect(expiryOf(jwt({ exp: '42' }))).toBeUndefined();
    expect(expiryOf('a.%%%.c')).toBeUndefined();
    expect(expiryOf('plain')).toBeUndefined();
  });
});
