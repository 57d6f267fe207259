import type { Browser } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, artifactPath, resetArtifacts } from './artifacts';
import { launchChromium } from './browser';
import { startE2eStack, type E2eStack, type StackOptions } from './e2e-stack';
import { PlaygroundUi } from './playground-ui';

export interface E2eSessionOptions {
  /**
   * Names this file's artifacts (`<prefix>elevate.log`, `<prefix>FAILED-step.png`, …); those are
   * removed before the run. Without one the file owns the folder and empties it.
   */
  prefix?: string;
  /** Keeps what the client received as `<prefix>conversation-stream.json` (for reading a failure). */
  keepConversationStream?: boolean;
  stack?: StackOptions;
}

export interface E2eSession {
  readonly stack: E2eStack;
  readonly browser: Browser;
  readonly ui: PlaygroundUi;
  /** Runs one step; when it fails, keeps a screenshot of the page as it was (`<prefix>FAILED-name`). */
  step(name: string, run: () => Promise<void>): Promise<void>;
}

/**
 * One browser test file's session in the local Teams client: before the tests, its artifacts are
 * cleared, Elevate (demo mode) and the playground are started and headless chromium opens the
 * client; after them everything is closed. Call at the top level of the file.
 */
export function useE2eSession(options: E2eSessionOptions = {}): E2eSession {
  const prefix = options.prefix ?? '';
  let stack: E2eStack | undefined;
  let browser: Browser | undefined;
  let ui: PlaygroundUi | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`the e2e session's ${what} is not started (used outside a test?)`);
    return value;
  };

  beforeAll(async () => {
    if (!prefix) resetArtifacts();
    else
      for (const file of fs.existsSync(ARTIFACTS_DIR) ? fs.readdirSync(ARTIFACTS_DIR) : []) {
        if (file.startsWith(prefix) || file.includes(`-${prefix}`))
          fs.rmSync(path.join(ARTIFACTS_DIR, file), { force: true });
      }
    stack = await startE2eStack({ reconcileIntervalSeconds: 2, ...options.stack, logPrefix: prefix });
    browser = await launchChromium();
    ui = await PlaygroundUi.open(browser, stack.playgroundUrl);
  }, 120_000);

  afterAll(async () => {
    if (ui && options.keepConversationStream)
      fs.writeFileSync(
        artifactPath(`${prefix}conversation-stream.json`),
        JSON.stringify(ui.stream.allFrames(), null, 1),
      );
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  }, 30_000);

  return {
    get stack() {
      return ready(stack, 'stack');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get ui() {
      return ready(ui, 'client');
    },
    async step(name, run) {
      try {
        await run();
      } catch (error) {
        await ui?.screenshot(`${prefix}FAILED-${name}`).catch(() => undefined);
        throw error;
      }
    },
  };
}
