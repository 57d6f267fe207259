// `npm run playground`: Elevate in demo mode plus Microsoft 365 Agents Playground (the local Teams
// client), configured by .m365agentsplayground.yml to match the simulator's seed tenant.
//   1. builds dist/ if sources changed (scripts/build-if-needed.js)
//   2. starts `node dist/src/main.js` (demo mode unless MicrosoftAppId is set) on 127.0.0.1:PORT (3978)
//   3. starts the playground headless on TEAMSAPPTESTER_PORT (56150), pointed at the bot
//   4. waits until GET /healthz (bot) and GET /_debug/ping (playground) answer, prints the URL
//   5. Ctrl-C stops both; if either exits on its own, says why and stops the other.
const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { setTimeout } = require('node:timers');
const { spawn, execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const CONFIG_FILE = path.join(ROOT, '.m365agentsplayground.yml');
const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
const READY_TIMEOUT_MS = 90_000;

/** Ports and URLs from the environment, with the documented defaults; throws on bad values. */
function playgroundSettings(env = process.env) {
  const problems = [];
  const port = (name, fallback) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      problems.push(
        `${name} must be a TCP port number between 1 and 65535 (got ${JSON.stringify(raw)}), e.g. ${name}=${fallback}`,
      );
      return fallback;
    }
    return value;
  };
  const botPort = port('PORT', 3978);
  const playgroundPort = port('TEAMSAPPTESTER_PORT', 56150);
  if (problems.length === 0 && botPort === playgroundPort) {
    problems.push(`PORT and TEAMSAPPTESTER_PORT must differ (both are ${botPort})`);
  }
  if (problems.length > 0)
    throw new Error(`Cannot start the playground:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return {
    botPort,
    playgroundPort,
    botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
    botHealthUrl: `http://127.0.0.1:${botPort}/healthz`,
    playgroundPingUrl: `http://127.0.0.1:${playgroundPort}/_debug/ping`,
    playgroundUrl: `http://localhost:${playgroundPort}`,
    logFile:
      env.M365_AGENTS_PLAYGROUND_LOGFILE ||
      env.TEAMSAPPTESTER_LOGFILE ||
      path.join(ROOT, 'devTools', 'm365agentsplayground.log'),
  };
}

/** Environment for the playground process. */
function playgroundEnv(settings, env = process.env) {
  return {
    ...env,
    TEAMSAPPTESTER_BROWSER: env.TEAMSAPPTESTER_BROWSER || 'none',
    TEAMSAPPTESTER_PORT: String(settings.playgroundPort),
    BOT_ENDPOINT: settings.botEndpoint,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: CONFIG_FILE,
    M365_AGENTS_PLAYGROUND_LOGFILE: settings.logFile,
  };
}

/**
 * Why the playground stopped, from the part of its log written since it started: the lines it
 * logs at "error" level (an invalid config prints "Listening" and then exits; the reason is only here).
 */
function playgroundFailureReason(logText) {
  const lines = logText.split(/\r?\n/);
  const errors = lines.filter((line) => /^error\s/.test(line)).map((line) => line.replace(/^error\s+/, ''));
  if (errors.length > 0) return errors.join('\n');
  const tail = lines.filter((line) => line.trim() !== '').slice(-5);
  return tail.length > 0 ? `no error in its log; last lines:\n${tail.join('\n')}` : 'its log is empty';
}

/** The port the playground says it listens on ("Listening on 56150"), or undefined. */
function listeningPort(text) {
  const match = /Listening on (\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function httpGet(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

/** Resolves when `check` returns true; rejects when `failed()` says a process is gone or time is up. */
async function waitFor(what, check, failed, timeoutMs = READY_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const failure = failed();
    if (failure) throw new Error(failure);
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(`${what} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Copies a child's output to ours, each line prefixed with its name. */
function pipeWithPrefix(stream, prefix, target, onText) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    if (onText) onText(chunk);
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) target.write(`${prefix} ${line}\n`);
  });
  stream.on('end', () => {
    if (pending) target.write(`${prefix} ${pending}\n`);
  });
}

function readLogSince(file, offset) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return Buffer.from(text).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

async function main() {
  const settings = playgroundSettings();

  for (const [port, owner, fix] of [
    [settings.botPort, 'Elevate (PORT)', 'stop the other Elevate, or set PORT'],
    [
      settings.playgroundPort,
      'the playground (TEAMSAPPTESTER_PORT)',
      'stop the other playground, or set TEAMSAPPTESTER_PORT',
    ],
  ]) {
    // The playground quietly moves to another port when its own is taken; refuse instead.
    if (!(await portIsFree(port))) throw new Error(`Port ${port} for ${owner} is already in use: ${fix}.`);
  }

  execFileSync(process.execPath, [path.join(__dirname, 'build-if-needed.js')], {
    cwd: ROOT,
    stdio: 'inherit',
  });

  const children = new Map();
  const exits = new Map();
  const start = (name, args, env, onText) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    pipeWithPrefix(child.stdout, `[${name}]`, process.stdout, onText);
    pipeWithPrefix(child.stderr, `[${name}]`, process.stderr, onText);
    child.on('exit', (code, signal) => exits.set(name, signal ? `signal ${signal}` : `exit code ${code}`));
    children.set(name, child);
    return child;
  };

  let stopping = false;
  const stopAll = (signal) => {
    for (const [name, child] of children) if (!exits.has(name)) child.kill(signal);
  };
  const allExited = () =>
    new Promise((resolve) => {
      const poll = () =>
        [...children.keys()].every((name) => exits.has(name)) ? resolve() : setTimeout(poll, 100);
      poll();
    });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\nStopping Elevate and the playground (${signal})…\n`);
      stopAll(signal);
      allExited().then(() => process.exit(0));
    });
  }

  const logOffset = fileSize(settings.logFile);
  let playgroundOutput = '';
  start('elevate', [path.join(ROOT, 'dist', 'src', 'main.js')], {
    ...process.env,
    PORT: String(settings.botPort),
  });
  start('playground', [PLAYGROUND_CLI, 'start', '--disable-telemetry'], playgroundEnv(settings), (text) => {
    playgroundOutput += text;
  });

  const whyStopped = () => {
    if (exits.has('elevate')) return `Elevate stopped (${exits.get('elevate')}); see its output above.`;
    if (exits.has('playground')) {
      const reason = playgroundFailureReason(readLogSince(settings.logFile, logOffset));
      return `The playground stopped (${exits.get('playground')}). Reason from ${path.relative(ROOT, settings.logFile)}:\n${reason}`;
    }
    const port = listeningPort(playgroundOutput);
    if (port !== undefined && port !== settings.playgroundPort) {
      return `The playground listens on ${port} instead of ${settings.playgroundPort}; is another one running?`;
    }
    return undefined;
  };

  try {
    await waitFor(
      'Elevate /healthz',
      async () => (await httpGet(settings.botHealthUrl))?.status === 200,
      whyStopped,
    );
    await waitFor(
      'The playground /_debug/ping',
      async () => (await httpGet(settings.playgroundPingUrl))?.body === 'pong',
      whyStopped,
    );
  } catch (error) {
    process.stderr.write(`\n${error.message}\n`);
    stopAll('SIGTERM');
    await allExited();
    process.exit(1);
  }

  process.stdout.write(
    [
      '',
      `Elevate (demo mode) is talking to the local Teams client. Open ${settings.playgroundUrl} in your browser.`,
      'You are Alex Morgan of the Contoso demo tenant: try "roles", "activate Global Reader for 1h", "help".',
      'In the "Contoso Ops" team or the group chat, @mention Elevate first. Ctrl-C stops both.',
      '',
    ].join('\n'),
  );

  // After start-up, either process ending on its own ends the session.
  await new Promise((resolve) => {
    const poll = () => (stopping || exits.size > 0 ? resolve() : setTimeout(poll, 500));
    poll();
  });
  if (stopping) return;
  process.stderr.write(`\n${whyStopped()}\nStopping the other process.\n`);
  stopAll('SIGTERM');
  await allExited();
  process.exit(1);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}

module.exports = {
  playgroundSettings,
  playgroundEnv,
  playgroundFailureReason,
  listeningPort,
  CONFIG_FILE,
  PLAYGROUND_CLI,
};
