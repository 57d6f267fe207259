import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { currentTurn } from './turn-context';

export type { Logger } from 'pino';

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * Paths pino blanks out: tokens, secrets, auth headers and the OAuth authorization code (which
 * only ever travels in a step-up callback's query or form body). Paths, not field names: an error
 * `code` such as DURATION_TOO_LONG is what an on-call engineer searches for, so it stays visible.
 * Callers still must not interpolate secrets into messages.
 */
export const REDACTED_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'token',
  '*.token',
  'idToken',
  '*.idToken',
  'id_token',
  '*.id_token',
  'refreshToken',
  '*.refreshToken',
  'refresh_token',
  '*.refresh_token',
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  '*.client_secret',
  'password',
  '*.password',
  'assertion',
  '*.assertion',
  'client_assertion',
  '*.client_assertion',
  'authorizationCode',
  '*.authorizationCode',
  'query.code',
  '*.query.code',
  'form.code',
  '*.form.code',
  'codeVerifier',
  '*.codeVerifier',
  'code_verifier',
  '*.code_verifier',
];

export function createLogger(options: {
  level: string;
  destination?: pino.DestinationStream;
  name?: string;
  /** 'pretty' prints coloured, human-readable lines (pino-pretty) for a terminal; JSON by default. */
  format?: LogFormat;
}): Logger {
  const settings: pino.LoggerOptions = {
    name: options.name ?? 'elevate',
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'elevate' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line written while a turn runs names that turn (see turn-context.ts).
    mixin: () => ({ ...currentTurn() }),
  };
  if (options.format === 'pretty') {
    // In-process stream (no worker thread): a person reading a terminal, not a log pipeline.
    const stream = pretty({
      colorize: !options.destination && process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service',
      sync: true,
      ...(options.destination ? { destination: options.destination as NodeJS.WritableStream } : {}),
    });
    return pino(settings, stream);
  }
  return pino(settings, options.destination);
}
