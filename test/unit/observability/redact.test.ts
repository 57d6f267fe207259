import { createLogger } from '../../../src/adapters/observability/logger';
import { CENSOR, SECRET_KEYS, redactSecrets } from '../../../src/adapters/observability/redact';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

describe('log redaction by key', () => {
  test.each([...SECRET_KEYS])('%s is redacted at the top, one level down and deeper', (key) => {
    const { logger, lines } = capture();
    logger.info({ [key]: 's1', body: { [key]: 's2' }, req: { auth: { [key]: 's3' } } }, 'x');
    expect(lines[0][key]).toBe(CENSOR);
    expect(lines[0].body).toEqual({ [key]: CENSOR });
    expect(lines[0].req).toEqual({ auth: { [key]: CENSOR } });
    expect(JSON.stringify(lines[0])).not.toMatch(/s[123]/);
  });

  test('cookies under headers and the authorization code under query or form, at any of the first levels', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        headers: { cookie: 'c1', Cookie: 'c2', 'set-cookie': 'c3', accept: 'text/html' },
        req: { headers: { authorization: 'Bearer a', cookie: 'c4' }, query: { code: 'q1', state: 'st' } },
        form: { code: 'f1' },
        callback: { form: { code: 'f2' } },
      },
      'step-up callback',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/c[1-4]|q1|f[12]|Bearer/);
    expect(lines[0].headers).toMatchObject({ accept: 'text/html' });
    expect((lines[0].req as { query: unknown }).query).toEqual({ code: CENSOR, state: 'st' });
  });

  test('an error code, a cookie or a code elsewhere stay visible', () => {
    const { logger, lines } = capture();
    logger.warn({ code: 'ROLE_NOT_FOUND', details: { code: 'E1', cookie: 'not-a-header' } }, 'refused');
    expect(lines[0]).toMatchObject({
      code: 'ROLE_NOT_FOUND',
      details: { code: 'E1', cookie: 'not-a-header' },
    });
  });

  test('secrets inside arrays and on an error are redacted; the error keeps its type, message and stack', () => {
    const { logger, lines } = capture();
    const err = Object.assign(new TypeError('token exchange failed'), { code: 'E_OBO', token: 'eyJ.t' });
    logger.error({ err, calls: [{ accessToken: 'a1' }, { ok: true }] }, 'failed');
    const logged = lines[0].err as Record<string, unknown>;
    expect(logged).toMatchObject({ type: 'TypeError', message: 'token exchange failed', code: 'E_OBO' });
    expect(logged.token).toBe(CENSOR);
    expect(String(logged.stack)).toContain('token exchange failed');
    expect(lines[0].calls).toEqual([{ accessToken: CENSOR }, { ok: true }]);
    expect(err.token).toBe('eyJ.t');
  });

  test("a child logger's bindings are redacted too", () => {
    const { logger, lines } = capture();
    logger.child({ component: 'sso', clientSecret: 'cs', auth: { password: 'pw' } }).info('bound');
    expect(lines[0]).toMatchObject({ component: 'sso', clientSecret: CENSOR, auth: { password: CENSOR } });
    logger.child({ component: 'a' }).child({ refresh_token: 'rt' }).info('grandchild');
    expect(lines[1]).toMatchObject({ component: 'a', refresh_token: CENSOR });
  });

  test("the caller's objects are never changed, and are passed through untouched when nothing is secret", () => {
    const clean = { a: 1, nested: { b: [1, 2], c: 'x' } };
    expect(redactSecrets(clean)).toBe(clean);
    const dirty = { a: 1, nested: { token: 't', keep: { d: 1 } }, other: { e: 2 } };
    const redacted = redactSecrets(dirty);
    expect(redacted).toEqual({ a: 1, nested: { token: CENSOR, keep: { d: 1 } }, other: { e: 2 } });
    expect(dirty.nested.token).toBe('t');
    expect(redacted.other).toBe(dirty.other);
  });

  test('a cycle or a deep object ends the walk instead of looping', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(redactSecrets(loop)).toBe(loop);
    const deep = { l1: { l2: { l3: { l4: { token: 't4' } } } } };
    expect(redactSecrets(deep).l1.l2.l3.l4.token).toBe(CENSOR);
  });
});
