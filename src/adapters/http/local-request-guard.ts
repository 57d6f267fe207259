import type { IncomingHttpHeaders } from 'node:http';

/** Why a request to a loopback-only endpoint was refused, as an HTTP answer. */
export interface RefusedRequest {
  status: 403 | 415 | 421;
  code: string;
  message: string;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function hostName(hostHeader: string): string {
  const trimmed = hostHeader.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(0, trimmed.indexOf(']') + 1);
  return trimmed.replace(/:\d+$/, '');
}

/** True for a host name that can only mean this machine. */
export function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * The browser-facing checks for endpoints that trust whoever can reach them (demo mode's
 * anonymous /api/messages, the simulator's /_sim/ control API):
 *
 * - only JSON bodies (`application/json`): the "simple" content types an HTML form on any web page
 *   may send cross-site without a preflight (text/plain, urlencoded, multipart) are refused, so a
 *   page cannot post an activity or a control call through the user's browser;
 * - only loopback `Host` values: a DNS-rebound name pointing at 127.0.0.1 is refused;
 * - no foreign `Origin`: a browser sends one on cross-site requests; only loopback origins pass
 *   (the local Teams client, the simulator's own pages). Tools without a browser send none.
 */
export function checkLocalRequest(
  method: string,
  headers: IncomingHttpHeaders,
  options: { requireJsonBody: boolean },
): RefusedRequest | undefined {
  const host = headers.host;
  if (!host || !isLoopbackName(hostName(host))) {
    return {
      status: 421,
      code: 'HostNotAllowed',
      message: `This endpoint answers only on a loopback address (localhost or 127.0.0.1); the request was for '${String(host ?? '')}'.`,
    };
  }
  const origin = headers.origin;
  if (origin !== undefined && origin !== 'null') {
    const originHost = originHostName(origin);
    if (!isLoopbackName(originHost.toLowerCase())) {
      return {
        status: 403,
        code: 'OriginNotAllowed',
        message: `Requests from web pages on other sites are refused (Origin ${origin}).`,
      };
    }
  } else if (origin === 'null') {
    return {
      status: 403,
      code: 'OriginNotAllowed',
      message: 'Requests from sandboxed or file pages are refused.',
    };
  }
  const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
  if (options.requireJsonBody && hasBody) {
    const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const length = Number(headers['content-length'] ?? '0');
    const chunked = /chunked/i.test(String(headers['transfer-encoding'] ?? ''));
    if (type !== 'application/json' && (type !== '' || length > 0 || chunked)) {
      return {
        status: 415,
        code: 'UnsupportedMediaType',
        message: `Send the body as JSON (Content-Type: application/json); '${type || '(none)'}' is not accepted.`,
      };
    }
  }
  return undefined;
}

function originHostName(origin: string): string {
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}
