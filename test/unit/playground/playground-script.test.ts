import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

interface Settings {
  botPort: number;
  playgroundPort: number;
  botEndpoint: string;
  botHealthUrl: string;
  playgroundPingUrl: string;
  playgroundUrl: string;
  logFile: string;
}
interface PlaygroundScript {
  playgroundSettings(env: NodeJS.ProcessEnv): Settings;
  playgroundEnv(settings: Settings, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  playgroundFailureReason(logText: string): string;
  listeningPort(text: string): number | undefined;
  CONFIG_FILE: string;
  PLAYGROUND_CLI: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JS script, run by node directly
const script = require('../../../scripts/playground.js') as PlaygroundScript;

describe('playgroundSettings', () => {
  it('defaults to the bot on 127.0.0.1:3978 and the playground on 56150', () => {
    const settings = script.playgroundSettings({});
    expect(settings).toMatchObject({
      botPort: 3978,
      playgroundPort: 56150,
      botEndpoint: 'http://127.0.0.1:3978/api/messages',
      botHealthUrl: 'http://127.0.0.1:3978/healthz',
      playgroundPingUrl: 'http://127.0.0.1:56150/_debug/ping',
      playgroundUrl: 'http://localhost:56150',
    });
    expect(settings.logFile).toMatch(/devTools[\\/]m365agentsplayground\.log$/);
  });

  it('follows PORT and TEAMSAPPTESTER_PORT', () => {
    const settings = script.playgroundSettings({ PORT: '4000', TEAMSAPPTESTER_PORT: '56000' });
    expect(settings.botEndpoint).toBe('http://127.0.0.1:4000/api/messages');
    expect(settings.playgroundUrl).toBe('http://localhost:56000');
  });

  it('names every bad port', () => {
    expect(() => script.playgroundSettings({ PORT: 'http', TEAMSAPPTESTER_PORT: '70000' })).toThrow(
      /PORT must be a TCP port number between 1 and 65535 \(got "http"\)[\s\S]*TEAMSAPPTESTER_PORT must be a TCP port number between 1 and 65535 \(got "70000"\)/,
    );
    expect(() => script.playgroundSettings({ PORT: '5000', TEAMSAPPTESTER_PORT: '5000' })).toThrow(
      'PORT and TEAMSAPPTESTER_PORT must differ (both are 5000)',
    );
  });

  it('runs the playground headless against the bot with the shipped config', () => {
    const settings = script.playgroundSettings({ PORT: '4000' });
    const env = script.playgroundEnv(settings, { PATH: '/usr/bin' });
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      TEAMSAPPTESTER_BROWSER: 'none',
      TEAMSAPPTESTER_PORT: '56150',
      BOT_ENDPOINT: 'http://127.0.0.1:4000/api/messages',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: script.CONFIG_FILE,
    });
    expect(path.basename(script.CONFIG_FILE)).toBe('.m365agentsplayground.yml');
  });
});

describe('reading the playground output and log', () => {
  it('finds the port it listens on', () => {
    expect(script.listeningPort('npm warn x\nListening on 42451\n')).toBe(42451);
    expect(script.listeningPort('starting')).toBeUndefined();
  });

  it('explains an early exit with the error lines of its log', () => {
    const log = [
      'log Listening on 56150',
      'debug Telemetry: agents-playground-server/error {"message":"..."}',
      'error Failed to start Microsoft 365 Agents Playground.',
      'error Reason: ConfigFileParseError Failed to parse config file. Reason: YAML path "/users": must NOT have fewer than 5 items.',
    ].join('\n');
    expect(script.playgroundFailureReason(log)).toBe(
      'Failed to start Microsoft 365 Agents Playground.\n' +
        'Reason: ConfigFileParseError Failed to parse config file. Reason: YAML path "/users": must NOT have fewer than 5 items.',
    );
    expect(script.playgroundFailureReason('log Listening on 1\nlog bye\n')).toBe(
      'no error in its log; last lines:\nlog Listening on 1\nlog bye',
    );
    expect(script.playgroundFailureReason('')).toBe('its log is empty');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function get(url: string): Promise<{ status?: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      })
      .on('error', reject);
  });
}

describe('the playground with the shipped config', () => {
  let playground: ChildProcess | undefined;
  let bot: http.Server | undefined;
  let logDir: string;

  afterEach(async () => {
    if (playground && playground.exitCode === null) {
      const exited = new Promise((resolve) => playground?.once('exit', resolve));
      playground.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => (bot ? bot.close(resolve) : resolve(undefined)));
    fs.rmSync(logDir, { recursive: true, force: true });
  });

  it('starts, stays up and serves our tenant, users, team and channels', async () => {
    // A stand-in for the bot endpoint: the playground waits for it before serving its config.
    const botPort = await freePort();
    bot = http
      .createServer((_req, res) => {
        // Two calls: restify, loaded by other tests in this worker, patches writeHead so it returns nothing.
        res.writeHead(200);
        res.end();
      })
      .listen(botPort, '127.0.0.1');
    const port = await freePort();
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-playground-'));
    const settings = script.playgroundSettings({ PORT: String(botPort), TEAMSAPPTESTER_PORT: String(port) });
    const env = {
      ...script.playgroundEnv(settings, { PATH: process.env.PATH, HOME: process.env.HOME }),
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'playground.log'),
    };
    playground = spawn(process.execPath, [script.PLAYGROUND_CLI, 'start', '--disable-telemetry'], {
      cwd: logDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    playground.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    let pong = '';
    for (let i = 0; i < 100 && pong !== 'pong' && playground.exitCode === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      pong = (await get(`${settings.playgroundPingUrl}`).catch(() => ({ body: '' }))).body;
    }
    expect(pong).toBe('pong');
    expect(script.listeningPort(output)).toBe(port);

    // An invalid config prints "Listening" and exits a moment later: make sure it stays up.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(playground.exitCode).toBeNull();

    const served = JSON.parse((await get(`http://127.0.0.1:${port}/_internal/v1/config`)).body) as {
      config: {
        tenantId: string;
        currentUser: { name: string };
        users: Array<{ name: string }>;
        teams: Array<{ name: string; channels: Array<{ name: string }> }>;
      };
    };
    expect(served.config.tenantId).toBe('5f1c0c8e-7a2b-4d7e-9a61-2c4b8f0e3d21');
    expect(served.config.currentUser.name).toBe('Alex Morgan');
    expect(served.config.users.map((u) => u.name)).toEqual([
      'Dana Schmidt',
      'Jordan Lee',
      'Sam Okafor',
      'Morgan Yu',
      'Chris Dubois',
    ]);
    expect(served.config.teams.map((t) => [t.name, t.channels.map((c) => c.name)])).toEqual([
      ['Contoso Ops', ['General', 'Incidents']],
    ]);
  });
});
