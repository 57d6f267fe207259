import pino, { type Logger } from 'pino';
import { redactSecrets } from './redact';
import { currentTurn } from './turn-context';

export type { Logger } from 'pino';

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LoggerOptions {
  level: string;
  destination?: pino.DestinationStream;
  name?: string;
}

/** A JSON logger (what a log pipeline reads). */
export function createLogger(options: LoggerOptions): Logger {
  return redactChildBindings(pino(settings(options), options.destination));
}

/**
 * The logger LOG_FORMAT asks for: JSON, or with 'pretty' coloured, human-readable lines for a
 * terminal. pino-pretty (41 modules) is loaded only then, not at every start.
 */
export async function openLogger(options: LoggerOptions & { format?: LogFormat }): Promise<Logger> {
  if (options.format !== 'pretty') return createLogger(options);
  const { default: pretty } = await import('pino-pretty');
  // In-process stream (no worker thread): a person reading a terminal, not a log pipeline.
  const stream = pretty({
    colorize: !options.destination && process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service',
    sync: true,
    ...(options.destination ? { destination: options.destination as NodeJS.WritableStream } : {}),
  });
  return redactChildBindings(pino(settings(options), stream));
}

function settings(options: LoggerOptions): pino.LoggerOptions {
  return {
    name: options.name ?? 'elevate',
    level: options.level,
    // Secrets blanked out by key (redact.ts) on each line's fields; child bindings: see redactChildBindings.
    formatters: { log: redactSecrets },
    base: { service: 'elevate' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line written while a turn runs names that turn (see turn-context.ts).
    mixin: () => ({ ...currentTurn() }),
  };
}

/**
 * pino serialises a child's bindings once, when the child is made, and its `bindings` formatter
 * applies only to the root's; so the root's `child` redacts them first. Children inherit the
 * root's methods, so a child of a child goes through here too.
 */
function redactChildBindings(root: Logger): Logger {
  const makeChild = root.child;
  root.child = function (this: Logger, bindings, childOptions) {
    return makeChild.call(this, redactSecrets(bindings), childOptions);
  } as Logger['child'];
  return root;
}
