import { Writable } from 'node:stream';
import { createLogger, openLogger } from '../../../src/adapters/observability/logger';
import { annotateTurn, currentTurn, runInTurn } from '../../../src/adapters/observability/turn-context';
import { describeFailure } from '../../../src/adapters/http/readiness';
import { loadConfig } from '../../../src/config/config';

/** Which of the lazily loaded packages were loaded (jest runs a mock's factory on first require). */
const mockLoaded: string[] = [];
jest.mock('pino-pretty', () => {
  mockLoaded.push('pino-pretty');
  return jest.requireActual<object>('pino-pretty');
});

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

describe('logger', () => {
  test('error codes stay visible; secrets are redacted by path', () => {
    const { logger, lines } = capture();
    const err = Object.assign(new Error('too long'), { code: 'DURATION_TOO_LONG' });
    logger.info(
      {
        code: 'DURATION_TOO_LONG',
        err,
        token: 'eyJ.secret',
        headers: { authorization: 'Bearer eyJ.secret', cookie: 'session=1' },
        query: { code: 'oauth-authorization-code', state: 'visible-state' },
        body: { client_secret: 's3cret', refresh_token: 'rt' },
      },
      'command refused',
    );
    const [line] = lines;
    expect(line.code).toBe('DURATION_TOO_LONG');
    expect((line.err as { code: string }).code).toBe('DURATION_TOO_LONG');
    expect(line.token).toBe('[redacted]');
    expect(line.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]' });
    expect(line.query).toEqual({ code: '[redacted]', state: 'visible-state' });
    expect(line.body).toEqual({ client_secret: '[redacted]', refresh_token: '[redacted]' });
  });

  test('every line written during a turn carries the turn fields; none outside', async () => {
    const { logger, lines } = capture();
    logger.info('before');
    await runInTurn({ activityId: 'act-1' }, async () => {
      logger.info('received');
      annotateTurn({ conversationId: 'a:conv', userObjectId: 'user-oid' });
      await new Promise((resolve) => setImmediate(resolve));
      logger.child({ component: 'x' }).warn('later, in a child logger');
    });
    logger.info('after');
    expect(lines[0].clientRequestId).toBeUndefined();
    expect(lines[1]).toMatchObject({ activityId: 'act-1', clientRequestId: expect.any(String) });
    expect(lines[2]).toMatchObject({
      activityId: 'act-1',
      conversationId: 'a:conv',
      userObjectId: 'user-oid',
      clientRequestId: lines[1].clientRequestId,
      component: 'x',
    });
    expect(lines[3].clientRequestId).toBeUndefined();
    expect(currentTurn()).toBeUndefined();
  });

  test('two turns at once keep their own ids', async () => {
    const ids = await Promise.all(
      [1, 2].map((n) =>
        runInTurn({ activityId: `a${n}` }, async () => {
          await new Promise((resolve) => setTimeout(resolve, 5 * n));
          return currentTurn()?.activityId;
        }),
      ),
    );
    expect(ids).toEqual(['a1', 'a2']);
  });

  test('LOG_FORMAT is json by default, pretty on request, and anything else is refused', async () => {
    expect(loadConfig({}).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT is "xml": must be json .* or pretty/);
    await openLogger({ level: 'info', format: 'json', destination: { write: () => undefined } });
    expect(mockLoaded).toEqual([]); // JSON logs never load pino-pretty
    const written: string[] = [];
    const pretty = await openLogger({
      level: 'info',
      format: 'pretty',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          written.push(chunk.toString());
          done();
        },
      }),
    });
    runInTurn({ activityId: 'act-9' }, () => pretty.warn({ code: 'ROLE_NOT_FOUND' }, 'command refused'));
    const text = written.join('');
    expect(text).toMatch(/WARN.*command refused/);
    expect(text).toContain('code: "ROLE_NOT_FOUND"');
    expect(text).toContain('activityId: "act-9"');
    expect(() => JSON.parse(text)).toThrow();
    expect(mockLoaded).toEqual(['pino-pretty']);
  });
});

describe('describeFailure (readiness reasons)', () => {
  test.each([
    [new Error('connect ECONNREFUSED 127.0.0.1:5432'), 'connect ECONNREFUSED 127.0.0.1:5432'],
    [
      { errorCode: 'network_error', errorMessage: 'Network request failed' },
      'Network request failed (network_error)',
    ],
    [{ code: 'ECONNRESET' }, 'ECONNRESET'],
    [{ cause: new Error('socket hang up') }, 'socket hang up'],
    [{ some: { nested: 1 } }, '{"some":{"nested":1}}'],
    [{}, 'no reason was given'],
    [undefined, 'no reason was given'],
    ['plain words', 'plain words'],
  ])('%p reads %p', (thrown, expected) => {
    expect(describeFailure(thrown)).toBe(expected);
    expect(describeFailure(thrown)).not.toContain('[object Object]');
  });
});
