import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createHttpServer, type HttpServer } from '../../../src/adapters/http/http-server';
import { createLogger } from '../../../src/adapters/observability/logger';
import { createMetrics } from '../../../src/adapters/observability/metrics';
import { activityEndpoint } from '../../../src/adapters/http/activity-endpoint';
import { ElevateCloudAdapter } from '../../../src/adapters/teams/cloud-adapter.factory';

/**
 * Issue 14, defect 1: /metrics took a label from the request body before authentication, so
 * unauthenticated requests grew it without limit, and each 401 printed a stack trace.
 */
const TENANT = 'f3a1c2d4-0000-4000-8000-00000000e1e7';
let server: HttpServer;
let url: string;
const lines: string[] = [];
const consoleErrors: unknown[][] = [];
let restoreConsole: () => void;

beforeAll(async () => {
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
  restoreConsole = () => spy.mockRestore();
  // Tenant-mode Bot Framework auth: a request without a valid channel token is refused (401).
  const adapter = new ElevateCloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: '6d9b3f4e-1111-4222-8333-444455556666',
      MicrosoftAppPassword: 'not-used-for-inbound-checks',
      MicrosoftAppTenantId: TENANT,
      MicrosoftAppType: 'SingleTenant',
    }),
  );
  const logger = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } });
  server = createHttpServer({
    logger,
    metrics: createMetrics({ collectDefaults: false }),
    processActivity: activityEndpoint({
      adapter,
      logic: async () => {
        throw new Error('an unauthenticated activity must never reach the bot');
      },
      logger,
    }),
    readiness: [],
  });
  url = await server.listen(0, '127.0.0.1');
});
afterAll(async () => {
  restoreConsole();
  await server.drain(1000);
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** A well-formed activity (the edge checks the shape before the token). */
const activity = {
  id: 'a1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:x', aadObjectId: '1c6746ba-c423-483e-9f30-18038d766593' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:personal' },
  text: 'hi',
};

const metricsText = async () => (await fetch(`${url}/metrics`)).text();

test('unauthenticated activities with invented types add no series, are counted, and print no stack', async () => {
  await post({ ...activity, type: 'message' });
  await post({ ...activity, type: 'someUnknownType' });
  const baseline = await metricsText();

  const N = 300;
  for (let i = 0; i < N; i += 1) {
    const response = await post(
      { ...activity, type: `attack-${i}-${'x'.repeat(30)}`, id: `id-${i}` },
      i % 2 ? { authorization: 'Bearer not.a.token' } : {},
    );
    expect(response.status).toBe(401);
  }
  const after = await metricsText();
  // Same series as before (only counts changed): nothing from the bodies became a label.
  const seriesOf = (text: string) =>
    text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.replace(/ [^ ]+$/, ''));
  expect(new Set(seriesOf(after))).toEqual(new Set(seriesOf(baseline)));
  expect(after).not.toContain('attack-');
  expect(after.length).toBeLessThan(baseline.length + 2000);
  expect(after).toContain(`elevate_turns_total{type="other",outcome="unauthorized"} ${N + 1}`);
  expect(after).toContain('elevate_turns_total{type="message",outcome="unauthorized"} 1');

  // One short line per refusal: no stack trace, no console output from botbuilder.
  expect(consoleErrors).toHaveLength(0);
  const refusals = lines.filter((l) => l.includes('token refused'));
  expect(refusals).toHaveLength(N + 2);
  for (const line of refusals) {
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry.err).toBeUndefined();
    expect(line).not.toMatch(/\bat .*\.js:\d+/);
    expect(line).not.toContain('not.a.token');
    expect(entry.clientRequestId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
  }
});
