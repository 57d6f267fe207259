import { ConfigError, loadConfig } from '../../config/config';
import { loadDotenv } from '../../config/load-dotenv';
import { systemClock } from '../clock/system-clock';
import { createStore } from '../store/create-store';
import { StoreAuditLog } from './store-audit-log';
import { runAuditExport } from './run-audit-export';

/** Process entry of `npm run audit:export`: the store from the environment, exit codes. */
async function main(): Promise<number> {
  loadDotenv();
  return runAuditExport({
    argv: process.argv.slice(2),
    stdout: process.stdout,
    stderr: process.stderr,
    clock: systemClock,
    async openAuditLog() {
      const config = loadConfig(process.env);
      const store = await createStore({
        databaseUrl: config.store.databaseUrl,
        sqlitePath: config.store.sqlitePath,
        clock: systemClock,
      });
      return {
        audit: new StoreAuditLog({ audit: store.audit, clock: systemClock }),
        close: () => store.close(),
      };
    },
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`audit:export: ${message}\n`);
    process.exitCode = error instanceof ConfigError ? 2 : 1;
  },
);
