import { ConfigError, loadConfig } from '../../../src/config/config';

function problemsOf(env: NodeJS.ProcessEnv): { key: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to demo mode on loopback with SQLite', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('demo');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.store).toEqual({ databaseUrl: undefined, sqlitePath: '.data/elevate.sqlite' });
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.com');
    expect(config.reminderLead.as('minutes')).toBe(10);
    expect(config.publicBaseUrl).toBe('http://127.0.0.1:3978');
  });

  it('lists every bad key at once, with the value and what is allowed', () => {
    const problems = problemsOf({ PORT: 'abc', DATABASE_URL: 'nope', LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.key).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    expect(problems.find((p) => p.key === 'PORT')?.message).toBe(
      'is "abc": must be a whole number from 1 to 65535 (for example 3978)',
    );
    expect(problems.find((p) => p.key === 'DATABASE_URL')?.message).toMatch(
      /\(value hidden\).*PostgreSQL URL/,
    );
    expect(problems.find((p) => p.key === 'LOG_LEVEL')?.message).toMatch(/one of fatal, error/);
  });

  it('the error message names every key on its own line', () => {
    expect(() => loadConfig({ PORT: '0', SIMULATOR_PORT: '70000' })).toThrow(
      /2 configuration problems:\n {2}- PORT .*\n {2}- SIMULATOR_PORT /,
    );
  });

  it('refuses a non-loopback HOST in demo mode and says why', () => {
    const [problem] = problemsOf({ HOST: '0.0.0.0' });
    expect(problem.key).toBe('HOST');
    expect(problem.message).toMatch(/demo mode with anonymous Bot Framework auth/);
    expect(problem.message).toMatch(/HOST=127\.0\.0\.1/);
  });

  it('accepts every loopback spelling in demo mode', () => {
    for (const HOST of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) {
      expect(loadConfig({ HOST }).host).toBe(HOST);
    }
  });

  it('tenant mode requires its secrets and names each missing one', () => {
    const problems = problemsOf({ MicrosoftAppId: '6f1c8d4e-1111-2222-3333-444455556666', HOST: '0.0.0.0' });
    expect(problems.map((p) => p.key).sort()).toEqual([
      'CARD_SIGNING_KEY',
      'MicrosoftAppPassword',
      'MicrosoftAppTenantId',
      'OAUTH_CONNECTION_NAME',
      'PUBLIC_BASE_URL',
      'TOKEN_CACHE_KEY',
    ]);
  });

  it('builds a tenant-mode config from a complete environment', () => {
    const config = loadConfig({
      MicrosoftAppId: '6f1c8d4e-1111-2222-3333-444455556666',
      MicrosoftAppPassword: 's3cret',
      MicrosoftAppTenantId: '5f1c0c8e-7a2b-4d7e-9a61-2c4b8f0e3d21',
      OAUTH_CONNECTION_NAME: 'graph',
      TOKEN_CACHE_KEY: Buffer.alloc(32, 7).toString('base64'),
      CARD_SIGNING_KEY: 'x'.repeat(40),
      PUBLIC_BASE_URL: 'https://elevate.contoso.com',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://elevate@db:5432/elevate',
      GRAPH_BASE_URL: 'https://graph.microsoft.com/',
    });
    expect(config.mode).toBe('tenant');
    expect(config.tokenCacheKey).toHaveLength(32);
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.com');
    expect(config.store.databaseUrl).toBe('postgres://elevate@db:5432/elevate');
  });

  it('rejects a token cache key of the wrong size', () => {
    const problems = problemsOf({ TOKEN_CACHE_KEY: Buffer.alloc(16).toString('base64') });
    expect(problems).toEqual([{ key: 'TOKEN_CACHE_KEY', message: expect.stringMatching(/32 random bytes/) }]);
  });

  it('takes SIMULATOR_URL on loopback only, with a port and no path', () => {
    for (const url of [
      'http://127.0.0.1:4151',
      'http://localhost:4151/',
      'http://[::1]:4151',
      'http://127.0.0.9:1',
    ]) {
      expect(loadConfig({ SIMULATOR_URL: url }).simulatorUrl).toBe(url.replace(/\/$/, ''));
    }
    expect(loadConfig({}).simulatorUrl).toBeUndefined();
    for (const url of [
      'http://10.0.0.5:4151',
      'http://sim.example.com:4151',
      'https://127.0.0.1:4151',
      'http://127.0.0.1',
      'http://127.0.0.1:4151/v1.0',
      'http://user:pw@127.0.0.1:4151',
      'http://127.0.0.1.example.com:4151',
      '127.0.0.1:4151',
    ]) {
      const [problem] = problemsOf({ SIMULATOR_URL: url });
      expect(problem).toEqual({
        key: 'SIMULATOR_URL',
        message: expect.stringMatching(
          /^is ".*": must be the http URL of a simulator on this machine.*loopback only/,
        ),
      });
    }
  });

  it('refuses SIMULATOR_URL in tenant mode and says why', () => {
    const problems = problemsOf({
      MicrosoftAppId: '6f1c8d4e-1111-2222-3333-444455556666',
      SIMULATOR_URL: 'http://127.0.0.1:4151',
    });
    expect(problems.find((p) => p.key === 'SIMULATOR_URL')?.message).toMatch(/demo mode only/);
  });
});
