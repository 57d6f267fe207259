import type { IncomingMessage } from 'node:http';

/** One request the simulator received, as listed by `GET /_sim/requests` (no Authorization header). */
export interface LoggedRequest {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

const MAX_ENTRIES = 2000;

/** Keeps the last requests received (Graph and identity; not the control API itself). */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;
  private readonly byRequest = new WeakMap<IncomingMessage, LoggedRequest>();

  record(req: IncomingMessage, time: string): void {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    if (url.pathname.startsWith('/_sim/')) return;
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (key.toLowerCase() === 'authorization' || value === undefined) continue;
      headers[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    this.seq += 1;
    const entry: LoggedRequest = {
      seq: this.seq,
      time,
      method: req.method ?? 'GET',
      path: decodedPath(req.url),
      query: Object.fromEntries(url.searchParams),
      headers,
      body: null,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    this.byRequest.set(req, entry);
  }

  /** Adds the body once the Graph handler has read it (parsed when JSON). */
  attachBody(req: IncomingMessage, raw: string): void {
    const entry = this.byRequest.get(req);
    if (!entry || raw === '') return;
    try {
      entry.body = JSON.parse(raw);
    } catch {
      entry.body = raw;
    }
  }

  list(filter: { method?: string; pathContains?: string } = {}): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (!filter.method || e.method.toUpperCase() === filter.method.toUpperCase()) &&
        (!filter.pathContains || e.path.toLowerCase().includes(filter.pathContains.toLowerCase())),
    );
  }

  clear(): void {
    this.entries = [];
  }
}

/** The URL path with percent-escapes decoded (`%27principal%27` → `'principal'`), as faults and the log match it. */
export function decodedPath(url: string | undefined): string {
  const pathname = new URL(url ?? '/', 'http://sim.invalid').pathname;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
