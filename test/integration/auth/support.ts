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
