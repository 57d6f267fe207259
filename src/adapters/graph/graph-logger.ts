import type { Logger } from 'pino';

/** The part of a pino logger the adapters use. Never pass tokens, secrets or headers to it. */
export type AdapterLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
