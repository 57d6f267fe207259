import http from 'node:http';
import https from 'node:https';

/** What GraphHttp reads of an answer: status, a header, the whole body as text. */
export interface TransportResponse {
  status: number;
  header(name: string): string | undefined;
  text: string;
}

export interface TransportRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** The whole exchange, body included; on expiry the request fails with an AbortError. */
  timeoutMs: number;
}

/**
 * Idle keep-alive connections close after this long (undici's default for `fetch`): Graph's front
 * ends close idle connections too, and a request written into one they just closed is reset.
 */
const IDLE_SOCKET_MS = 4_000;

const agents: Record<string, http.Agent> = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
};

/**
 * One HTTP exchange over Node's http/https with keep-alive connections. Used instead of `fetch`
 * for Graph: undici's WHATWG layers (Request, Headers, body streams) cost about 0.2 ms of CPU per
 * call more, and a `roles` turn makes six Graph calls. Errors are Node's: `code` ECONNREFUSED,
 * ECONNRESET, EPIPE…, or an AbortError when `timeoutMs` passed.
 */
export function sendHttp(url: URL, request: TransportRequest): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const agent = agents[url.protocol];
    if (!agent) {
      reject(new Error(`unsupported protocol ${url.protocol}`));
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const headers =
      request.body === undefined
        ? request.headers
        : { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) };
    const outgoing = client.request(
      url,
      { method: request.method, headers, agent, signal: AbortSignal.timeout(request.timeoutMs) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            header: (name) => {
              const value = response.headers[name.toLowerCase()];
              return Array.isArray(value) ? value.join(', ') : value;
            },
            text,
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
