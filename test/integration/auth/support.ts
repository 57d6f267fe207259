import pino from 'pino';
import { Writable } from 'node:stream';
import type { TokenCacheRepository } from '../../../src/ports/stores';

/** TokenCacheRepository in memory (the shape of the store's repository). */
export class MemoryTokenCache implements TokenCacheRepository {
  readonly rows = new Map<string, Buffer>();
  writes = 0;
  async read(key: string): Promise<Buffer | null> {
    return this.rows.get(key) ?? null;
  }
  async write(key: string, data: Buffer): Promise<void> {
    this.writes += 1;
    this.rows.set(key, Buffer.from(data));
  }
  async delete(key: string): Promise<void> {
    this.rows.delete(key);
  }
}

/** A real pino logger whose output lines are kept for assertions. */
export function capturedLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

export function decodeJwt(token: string): Record<string, unknown> {
  const [, payload] = token.split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Drives the simulator's sign-in pages (password, then the MFA code it shows) and returns the code. */
export async function signInThroughPages(
  authorizeUrl: URL,
  username: string,
  password: string,
): Promise<string> {
  const first = await fetch(authorizeUrl, { redirect: 'manual' });
  let html = await first.text();
  const post = async (fields: Record<string, string>) => {
    const action = new URL(attr(html, 'form', 'action').replace(/&amp;/g, '&'), authorizeUrl);
    return fetch(action, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  };
  let response = await post({ txn: hidden(html, 'txn'), step: 'password', username, password });
  if (response.status === 200) {
    html = await response.text();
    const mfaCode = /<span id="mfa-code">(\d+)<\/span>/.exec(html)?.[1];
    if (!mfaCode) throw new Error(`no MFA step in: ${html.slice(0, 400)}`);
    response = await post({ txn: hidden(html, 'txn'), step: 'mfa', otc: mfaCode });
  }
  const location = response.headers.get('location');
  if (!location) throw new Error(`no redirect after sign-in (HTTP ${response.status})`);
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`no code in redirect ${location}`);
  return code;
}

function attr(html: string, tag: string, name: string): string {
  const match = new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no ${tag}[${name}] in page`);
  return match[1];
}

function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no hidden ${name} in page`);
  return match[1];
}
