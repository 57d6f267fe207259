import { startSimulator } from './index';
import { REALISM_PRESETS, type RealismPresetName } from './pim/realism';

interface CliArgs {
  port: number;
  host: string;
  seed?: string;
  log: boolean;
  realism?: RealismPresetName;
}

/** `npm run simulator -- --port N --seed FILE [--host H] [--log] [--realism instant|demo|real-world]`. */
function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = {
    port: Number(process.env.SIMULATOR_PORT ?? 3979),
    host: '127.0.0.1',
    log: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value.`);
      i += 1;
      return v;
    };
    if (arg === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port must be a whole number from 0 to 65535; got '${argv[i]}'.`);
      out.port = port;
    } else if (arg === '--seed') out.seed = value();
    else if (arg === '--host') out.host = value();
    else if (arg === '--log') out.log = true;
    else if (arg === '--realism') {
      const name = value();
      if (!(name in REALISM_PRESETS))
        throw new Error(
          `--realism must be one of ${Object.keys(REALISM_PRESETS).join(', ')}; got '${name}'.`,
        );
      out.realism = name as RealismPresetName;
    } else
      throw new Error(
        `Unknown option '${arg}'. Usage: npm run simulator -- [--port N] [--seed FILE] [--host H] [--log] [--realism instant|demo|real-world]`,
      );
  }
  return out;
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const sim = await startSimulator(args);
  const lines = [
    `Elevate simulator tenant ready in ${Date.now() - started} ms`,
    `  base URL     ${sim.baseUrl}`,
    `  Graph        ${sim.graphBaseUrl}/v1.0  and  ${sim.graphBaseUrl}/beta`,
    `  Entra        ${sim.authority}  (token: ${sim.authority}/oauth2/v2.0/token)`,
    `  OpenID       ${sim.authority}/v2.0/.well-known/openid-configuration`,
    `  control API  ${sim.baseUrl}/_sim/`,
    `  tenant       ${sim.tenantId}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator: ${(error as Error).message}\n`);
  process.exit(1);
});
