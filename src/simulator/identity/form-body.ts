import type { IncomingMessage } from 'node:http';

/** A request as restify hands it over: maybe with `body` already parsed by `bodyParser()`. */
type MaybeParsedRequest = IncomingMessage & { body?: unknown };

function fromObject(body: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return out;
}

function fromText(text: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.toLowerCase().includes('application/json')) {
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new SyntaxError('The JSON body must be an object.');
    }
    return fromObject(parsed);
  }
  return Object.fromEntries(new URLSearchParams(text));
}

async function readStream(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The request's form fields (application/x-www-form-urlencoded, or JSON), whether or not restify's
 * `bodyParser()` already parsed the body.
 */
export async function readFormBody(req: MaybeParsedRequest): Promise<Record<string, string>> {
  const contentType = req.headers['content-type'];
  const body = req.body;
  if (Buffer.isBuffer(body)) return fromText(body.toString('utf8'), contentType);
  if (typeof body === 'string') return fromText(body, contentType);
  if (body !== null && typeof body === 'object') return fromObject(body);
  if (req.readableEnded) return {};
  return fromText(await readStream(req), contentType);
}

/** The query string of a request URL as a plain record (first value wins). */
export function readQuery(req: IncomingMessage): Record<string, string> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in out)) out[key] = value;
  return out;
}
