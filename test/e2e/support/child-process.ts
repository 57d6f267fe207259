import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';

/** A child process whose output goes to a log file, and which is stopped for sure at the end. */
export class LoggedProcess {
  private exitDescription: string | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    readonly logFile: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitDescription = signal ? `signal ${signal}` : `exit code ${String(code)}`;
        resolve();
      });
    });
    live.add(this);
  }

  static start(
    name: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
  ): LoggedProcess {
    const out = fs.openSync(options.logFile, 'w');
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    return new LoggedProcess(name, options.logFile, child);
  }

  /** Why it stopped, or undefined while it runs. */
  get exit(): string | undefined {
    return this.exitDescription;
  }

  /** The last lines of its log, for error messages. */
  logTail(lines = 25): string {
    try {
      return fs.readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`. Resolves once the process is gone. */
  async stop(graceMs = 5_000): Promise<void> {
    live.delete(this);
    if (this.exitDescription !== undefined) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Last resort when the test process itself is exiting: no waiting possible. */
  killNow(): void {
    if (this.exitDescription === undefined) this.child.kill('SIGKILL');
  }
}

const live = new Set<LoggedProcess>();
process.once('exit', () => {
  for (const child of live) child.killNow();
});
