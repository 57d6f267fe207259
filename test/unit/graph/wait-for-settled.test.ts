import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime, Duration } from 'luxon';
import pino from 'pino';
import { GraphHttp } from '../../../src/adapters/graph/graph-http';
import { GraphPimGateway } from '../../../src/adapters/graph/graph-pim-gateway';
import type { Directory } from '../../../src/ports/directory';

/** Serves GET …/roleAssignmentScheduleRequests/{id} with the queued statuses, one per poll. */
describe('GraphPimGateway.waitForSettled (bounded polling)', () => {
  let server: Server;
  let baseUrl = '';
  let statuses: string[] = [];
  let polls = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      polls += 1;
      const status = statuses.length > 1 ? statuses.shift()! : statuses[0];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'r1',
          status,
          action: 'SelfActivate',
          principalId: 'u1',
          roleDefinitionId: 'role',
          directoryScopeId: '/',
          createdDateTime: '2026-01-01T00:00:00Z',
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function gateway(sleeps: number[]) {
    const logger = pino({ level: 'silent' });
    return new GraphPimGateway({
      http: new GraphHttp({ baseUrl, logger }),
      appToken: async () => 'app-token',
      directory: {} as Directory,
      // Polls wait on the injected clock.
      clock: {
        now: () => DateTime.utc(),
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      },
      logger,
    });
  }
  const ref = { kind: 'directoryRole' as const, requestId: 'r1' };

  it('polls through transient and unknown statuses until a settled one', async () => {
    statuses = ['PendingScheduleCreation', 'SomethingNew', 'PendingProvisioning', 'Provisioned'];
    polls = 0;
    const sleeps: number[] = [];
    const settled = await gateway(sleeps).waitForSettled(ref, undefined, {
      interval: Duration.fromObject({ milliseconds: 10 }),
    });
    expect(settled).toMatchObject({ status: 'Provisioned', action: 'selfActivate' });
    expect(polls).toBe(4);
    expect(sleeps).toEqual([10, 10, 10]);
  });

  it.each(['PendingApproval', 'Granted', 'Denied', 'Canceled', 'Failed', 'Revoked'])(
    'stops at %s',
    async (status) => {
      statuses = [status];
      polls = 0;
      expect((await gateway([]).waitForSettled(ref)).status).toBe(status);
      expect(polls).toBe(1);
    },
  );

  it('gives up at the timeout and returns the last state seen', async () => {
    statuses = ['PendingProvisioning'];
    polls = 0;
    const sleeps: number[] = [];
    const last = await gateway(sleeps).waitForSettled(ref, undefined, {
      timeout: Duration.fromObject({ milliseconds: 200 }),
      interval: Duration.fromObject({ milliseconds: 50 }),
    });
    expect(last.status).toBe('PendingProvisioning');
    // As many polls as the timeout allows, the clock's waits between them.
    expect(polls).toBe(4);
    expect(sleeps).toEqual([50, 50, 50]);
  });
});
