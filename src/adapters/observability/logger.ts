import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear: tokens, secrets and auth headers never reach a log
 * line. Callers still must not interpolate secrets into messages.
 */
export const REDACTED_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'accessToken',
  '*.accessToken',
  'token',
  '*.token',
  'idToken',
  '*.idToken',
  'refreshToken',
  '*.refreshToken',
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  '*.client_secret',
  'password',
  '*.password',
  'assertion',
  '*.assertion',
  'code',
  '*.code',
];

export function createLogger(options: {
  level: string;
  destination?: pino.DestinationStream;
  name?: string;
}): Logger {
  return pino(
    {
      name: options.name ?? 'elevate',
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'elevate' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
