import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphError } from '../graph/graph-error';
import { SeedError } from '../pim/seed-schema';
import { clockRoutes } from './clock.routes';
import { demoBotRoutes } from './demo-bot.routes';
import { ControlError, type ControlDeps } from './control-route';
import { faultRoutes } from './faults.routes';
import { portalRoutes } from './portal.routes';
import { requestLogRoutes } from './request-log.routes';
import { tenantRoutes } from './tenant.routes';

export type { ControlDeps } from './control-route';

/**
 * The control API under `/_sim/` (tests and demos only; no authentication, loopback only):
 * reset, seed, clock, faults, received requests, settings, approval decisions, portal activations and
 * what a demo bot in another process needs (SIMULATOR_URL).
 */
export function createControlHandler(deps: ControlDeps) {
  const routes = [
    tenantRoutes,
    clockRoutes,
    faultRoutes,
    requestLogRoutes,
    portalRoutes,
    demoBotRoutes,
  ].flatMap((area) => area(deps));

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const reply = (status: number, body: unknown): void => {
      if (body === undefined) {
        res.writeHead(status);
        res.end();
        return;
      }
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      const candidates = routes.filter((r) => r.pattern.test(url.pathname));
      const route = candidates.find((r) => r.method === req.method);
      if (!route) {
        throw new ControlError(
          candidates.length ? 405 : 404,
          candidates.length
            ? `Use ${candidates.map((c) => c.method).join(' or ')} for ${url.pathname}.`
            : `Unknown control endpoint ${url.pathname}.`,
        );
      }
      const [status, body] = await route.run(req, route.pattern.exec(url.pathname)?.slice(1) ?? [], url);
      reply(status, body);
    } catch (error) {
      if (error instanceof ControlError)
        reply(error.status, { error: { code: 'SimulatorControlError', message: error.message } });
      else if (error instanceof SeedError)
        reply(400, { error: { code: 'InvalidSeed', message: error.message } });
      else if (error instanceof GraphError)
        reply(error.status, { error: { code: error.code, message: error.message } });
      else reply(500, { error: { code: 'InternalServerError', message: (error as Error).message } });
    }
  };
}
