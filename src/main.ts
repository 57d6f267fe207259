import { ConfigError, loadConfig } from './config/config';
import { loadDotenv } from './config/load-dotenv';
import { openLogger } from './adapters/observability/logger';
import { startElevate } from './composition-root';

const SHUTDOWN_BUDGET_MS = 10_000;

/** Process entry point: configuration, exit codes and signals. Wiring lives in composition-root.ts. */
async function main(): Promise<void> {
  const envFile = loadDotenv();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = await openLogger({ level: config.logLevel, format: config.logFormat });
  if (envFile) logger.info({ file: envFile }, 'read settings from .env');

  const app = await startElevate(config, { logger });
  logger.info(
    { url: app.url, mode: config.mode },
    `Elevate is listening on ${app.url} (${config.mode} mode)`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing in-flight turns');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS);
    force.unref();
    app
      .stop(SHUTDOWN_BUDGET_MS - 1_000)
      .then(() => {
        logger.info('stopped cleanly');
        logger.flush?.();
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const remedy = (error as { remedy?: unknown } | undefined)?.remedy;
  process.stderr.write(
    `Elevate failed to start: ${message}${typeof remedy === 'string' ? ` ${remedy}` : ''}\n`,
  );
  process.exit(1);
});
