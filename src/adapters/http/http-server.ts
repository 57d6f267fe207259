import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { ACTIVITY_TYPES, closedLabel } from '../observability/label-sets';
import { runInTurn } from '../observability/turn-context';
import { InFlightTracker } from './in-flight-tracker';
import { checkLocalRequest } from './local-request-guard';
import { describeFailure } from './readiness';

export interface ReadinessCheck {
  name: string;
  /** What the dependency is, in plain words ("the database", "the Microsoft Entra app-only token"). */
  description: string;
  check(): Promise<void>;
}

export interface HttpServerOptions {
  logger: Logger;
  metrics: Metrics;
  /** Processes one Bot Framework activity: checks its shape and token, runs the turn, answers. */
  processActivity(req: Request, res: Response): Promise<void>;
  readiness: ReadinessCheck[];
  /** Extra routes (step-up pages…) registered by other adapters. */
  routes?: ((server: Server) => void)[];
  /**
   * Demo mode (anonymous Bot Framework auth): /api/messages accepts only JSON, loopback Host
   * values and no foreign Origin (see local-request-guard.ts).
   */
  localOnly?: boolean;
}

export interface HttpServer {
  server: Server;
  inFlight: InFlightTracker;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting connections and waits (bounded) for in-flight turns. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger, metrics } = options;
  const server = restify.createServer({ name: 'elevate', handleUncaughtExceptions: false });
  const inFlight = new InFlightTracker();
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const refused = options.localOnly
      ? checkLocalRequest(req.method ?? 'POST', req.headers, { requireJsonBody: true })
      : undefined;
    if (refused) {
      logger.info({ status: refused.status, code: refused.code }, 'request to /api/messages refused');
      res.send(refused.status, { error: { code: refused.code, message: refused.message } });
      return;
    }
    const body: unknown = req.body;
    const type = isActivityLike(body) ? body.type : undefined;
    if (!type) {
      res.send(400, {
        error: {
          code: 'InvalidActivity',
          message: 'The body must be a Bot Framework activity: a JSON object with a string "type" property.',
        },
      });
      return;
    }
    // The body is not authenticated yet: its type only picks one of a closed set of labels.
    const typeLabel = closedLabel(ACTIVITY_TYPES, type);
    const stopTimer = metrics.turnDuration.startTimer({ type: typeLabel });
    const done = inFlight.begin();
    await runInTurn({}, async () => {
      try {
        await options.processActivity(req, res);
        metrics.turns.inc({ type: typeLabel, outcome: turnOutcome(res.statusCode) });
      } catch (error) {
        metrics.turns.inc({ type: typeLabel, outcome: 'error' });
        logger.error({ err: error }, 'activity processing failed');
        if (!res.headersSent)
          res.send(500, {
            error: { code: 'InternalError', message: 'The bot failed to process the activity.' },
          });
      } finally {
        stopTimer();
        done();
      }
    });
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const results = await Promise.all(
      options.readiness.map(async (r) => {
        try {
          await r.check();
          return { name: r.name, ok: true as const };
        } catch (error) {
          const reason = describeFailure(error);
          logger.warn({ check: r.name, reason }, `not ready: ${r.description} is unavailable`);
          return {
            name: r.name,
            ok: false as const,
            error: `${capitalise(r.description)} is unavailable: ${reason}`,
          };
        }
      }),
    );
    const down = results.filter((r) => !r.ok);
    const ready = down.length === 0;
    res.send(ready ? 200 : 503, {
      status: ready ? 'ready' : 'not ready',
      ...(ready
        ? {}
        : {
            message: `Not ready: ${down
              .map((r) => options.readiness.find((c) => c.name === r.name)?.description ?? r.name)
              .join(' and ')} ${down.length === 1 ? 'is' : 'are'} unavailable.`,
          }),
      checks: results,
    });
  });

  server.get('/metrics', async (_req: Request, res: Response) => {
    const text = await metrics.registry.metrics();
    res.setHeader('content-type', metrics.registry.contentType);
    res.sendRaw(200, text);
  });

  for (const register of options.routes ?? []) register(server);

  server.on(
    'restifyError',
    (req: Request, _res: Response, err: Error & { statusCode?: number }, next: () => void) => {
      if ((err.statusCode ?? 500) >= 500) logger.error({ err, path: req.path() }, 'http error');
      else
        logger.info(
          { path: req.path(), status: err.statusCode, reason: err.message },
          'http request rejected',
        );
      next();
    },
  );

  return {
    server,
    inFlight,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          resolve(server.url.replace('[::]', 'localhost'));
        });
      });
    },
    async drain(timeoutMs) {
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections?.();
      const settled = await inFlight.waitForIdle(timeoutMs);
      server.server.closeAllConnections?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 200))]);
      return settled;
    },
  };
}

function turnOutcome(status: number): 'ok' | 'rejected' | 'unauthorized' {
  if (status === 401 || status === 403) return 'unauthorized';
  return status < 400 ? 'ok' : 'rejected';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isActivityLike(body: unknown): body is { type: string } {
  return typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string';
}
