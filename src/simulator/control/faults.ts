import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { decodedPath } from './request-log';

/**
 * Injected faults (`/_sim/faults`): per path pattern, a throttle (429 + Retry-After, fractional
 * allowed), a 500/503/504, added latency, a dropped connection or a malformed JSON body; triggered
 * on every match, for the next `count` matches, or at random with probability `rate`.
 */
export const FaultSpecSchema = z
  .object({
    /** Glob on the URL path (`*` = any characters), e.g. `/v1.0/roleManagement/*`; or a regex written `/…/`. */
    path: z.string().min(1),
    method: z.string().optional(),
    kind: z.enum(['throttle', 'status', 'latency', 'drop', 'malformed']),
    status: z.union([z.literal(500), z.literal(503), z.literal(504)]).optional(),
    retryAfter: z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]).optional(),
    latencyMs: z.number().int().nonnegative().max(120000).optional(),
    rate: z.number().min(0).max(1).optional(),
    count: z.number().int().positive().optional(),
  })
  .strict()
  .refine((f) => f.kind !== 'status' || f.status !== undefined, {
    message: "kind 'status' needs status 500, 503 or 504",
    path: ['status'],
  })
  .refine((f) => f.kind !== 'latency' || f.latencyMs !== undefined, {
    message: "kind 'latency' needs latencyMs",
    path: ['latencyMs'],
  })
  .refine((f) => !(f.rate !== undefined && f.count !== undefined), {
    message: 'give rate or count, not both',
    path: ['rate'],
  });

export type FaultSpec = z.infer<typeof FaultSpecSchema>;
export type Fault = FaultSpec & { id: string; hits: number; remaining?: number; pattern: RegExp };

function toRegex(path: string): RegExp {
  if (path.length > 2 && path.startsWith('/') && path.endsWith('/') && !path.startsWith('//')) {
    try {
      return new RegExp(path.slice(1, -1), 'i');
    } catch {
      /* fall through to glob */
    }
  }
  const glob = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${glob}$`, 'i');
}

export class FaultInjector {
  private faults: Fault[] = [];

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      ...spec,
      id: randomUUID(),
      hits: 0,
      remaining: spec.count,
      pattern: toRegex(spec.path),
    };
    this.faults.push(fault);
    return fault;
  }

  list(): Omit<Fault, 'pattern'>[] {
    return this.faults.map(({ pattern: _pattern, ...rest }) => rest);
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** Faults that fire for this request (consuming counts). */
  private firing(method: string, path: string): Fault[] {
    const fired: Fault[] = [];
    for (const f of this.faults) {
      if (!f.pattern.test(path) || (f.method && f.method.toUpperCase() !== method.toUpperCase())) continue;
      if (f.remaining !== undefined) {
        if (f.remaining <= 0) continue;
        f.remaining -= 1;
      } else if (f.rate !== undefined && Math.random() >= f.rate) continue;
      f.hits += 1;
      fired.push(f);
    }
    this.faults = this.faults.filter((f) => f.remaining === undefined || f.remaining > 0);
    return fired;
  }

  /**
   * Applies faults to a request. Returns true when the request was answered (or dropped) here,
   * false when it should continue (possibly after added latency).
   */
  async apply(req: IncomingMessage, res: ServerResponse, now: string): Promise<boolean> {
    const path = decodedPath(req.url);
    if (path.startsWith('/_sim/')) return false;
    const fired = this.firing(req.method ?? 'GET', path);
    for (const f of fired.filter((x) => x.kind === 'latency')) {
      await new Promise((resolve) => setTimeout(resolve, f.latencyMs ?? 0));
    }
    const terminal = fired.find((x) => x.kind !== 'latency');
    if (!terminal) return false;
    const requestId = randomUUID();
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'request-id': requestId, ...headers });
      res.end(text);
    };
    const date = now.slice(0, 19); // no 'Z', as in Graph's documented error bodies
    switch (terminal.kind) {
      case 'drop':
        req.socket.destroy();
        return true;
      case 'malformed':
        res.writeHead(200, { 'Content-Type': 'application/json', 'request-id': requestId });
        res.end('{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#value","value":[{"id":"');
        return true;
      case 'throttle':
        json(
          429,
          {
            error: {
              code: 'TooManyRequests',
              innerError: {
                code: '429',
                date,
                message: 'Please retry after',
                'request-id': requestId,
                status: '429',
              },
              message: 'Please retry again later.',
            },
          },
          { 'Retry-After': String(terminal.retryAfter ?? 2) },
        );
        return true;
      default: {
        const status = terminal.status ?? 503;
        const code =
          status === 500 ? 'InternalServerError' : status === 504 ? 'GatewayTimeout' : 'serviceNotAvailable';
        const message =
          status === 500
            ? 'An internal server error occurred.'
            : status === 504
              ? 'The gateway timed out waiting for the service.'
              : 'The service is temporarily unavailable. Please retry.';
        json(
          status,
          {
            error: {
              code,
              message,
              innerError: { date, 'request-id': requestId, 'client-request-id': requestId },
            },
          },
          terminal.retryAfter !== undefined ? { 'Retry-After': String(terminal.retryAfter) } : {},
        );
        return true;
      }
    }
  }
}
