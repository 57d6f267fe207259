import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { artifactPath } from './artifacts';
import { cardText, ConversationStream, type StreamMessage } from './conversation-stream';

/** The conversations in the playground's left rail, as the shipped .m365agentsplayground.yml names them. */
export type ConversationLabel = 'Personal Chat' | 'On-call handover' | 'General' | 'Incidents';

const CARD = '.ac-adaptiveCard';

/**
 * Alex Morgan (the playground's current user) in the local Teams client: opens conversations,
 * types, presses card buttons, and reads what the page shows. Every wait has a deadline and
 * failures leave a screenshot in test-results/e2e/.
 */
export class PlaygroundUi {
  private shots = 0;

  private constructor(
    readonly page: Page,
    readonly stream: ConversationStream,
    private readonly url: string,
  ) {}

  static async open(browser: Browser, url: string): Promise<PlaygroundUi> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(30_000);
    // The client's own errors (it logs failed renders to the console) go to the run's artifacts.
    const consoleLog = artifactPath('browser-console.log');
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        fs.appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`);
      }
    });
    page.on('pageerror', (error) =>
      fs.appendFileSync(consoleLog, `[pageerror] ${error.stack ?? error.message}\n`),
    );
    const ui = new PlaygroundUi(page, await ConversationStream.attach(page), url);
    await ui.load();
    return ui;
  }

  /** (Re)loads the client; like Teams, it sends the installation events again on every load. */
  async load(): Promise<void> {
    await this.page.goto(this.url);
    await this.page.getByText('Personal Chat', { exact: true }).first().waitFor();
    // The log panel repeats message texts; hidden, text on the page is what the conversation shows.
    const logPanel = this.page.getByText('Log Panel', { exact: true });
    if (await logPanel.isVisible()) {
      await this.page.getByTitle('Toggle Log Panel').click();
      await logPanel.waitFor({ state: 'hidden' });
    }
  }

  async openConversation(label: ConversationLabel): Promise<void> {
    await this.page.getByText(label, { exact: true }).first().click();
    await this.page.locator('[data-lexical-editor=true]').first().waitFor();
  }

  /** Types a message in a chat (personal or group) and sends it with Enter. */
  async say(text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor=true]').last();
    await box.click();
    await box.pressSequentially(text);
    await this.page.keyboard.press('Enter');
    await this.page.getByText(text, { exact: true }).last().waitFor();
  }

  /** Starts a new channel post (the box at the top of a channel) and waits until it shows. */
  async post(text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor=true]').first();
    await box.click();
    await box.pressSequentially(text);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    await this.page.getByText(text, { exact: true }).last().waitFor();
  }

  /**
   * Replies in the thread of the newest channel post, @mentioning Elevate (picked from the
   * mention menu, as a person does). Bots in channels hear only messages that mention them.
   */
  async replyMentioningElevate(text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor=true]').last();
    await box.click();
    await box.pressSequentially('@');
    await this.page.getByRole('menuitem', { name: 'Elevate' }).click();
    await box.pressSequentially(` ${text}`);
    await this.page.keyboard.press('Enter');
    await this.page.getByText(text).last().waitFor();
  }

  /** The newest card on the page that shows `text`. */
  card(text: string | RegExp): Locator {
    return this.page.locator(CARD).filter({ hasText: text }).last();
  }

  /** Waits until a card showing `text` is visible and returns its visible text. */
  async waitForCard(text: string | RegExp, timeoutMs = 30_000): Promise<{ card: Locator; text: string }> {
    const card = this.card(text);
    await card.waitFor({ state: 'visible', timeout: timeoutMs });
    await card.scrollIntoViewIfNeeded();
    return { card, text: await card.innerText() };
  }

  /**
   * A card the bot posts into a channel thread: waits until the client has received it, then
   * until the page shows it.
   */
  async waitForThreadCard(
    channel: ConversationLabel,
    text: string | RegExp,
    timeoutMs = 30_000,
  ): Promise<{ card: Locator; text: string; message: StreamMessage }> {
    const matches = (shown: string) => (typeof text === 'string' ? shown.includes(text) : text.test(shown));
    const message = await this.stream.waitForMessage(
      `a card showing ${String(text)} in a thread of the ${channel} channel`,
      (m) => m.conversationId.includes(';messageid=') && m.cards.some((c) => matches(cardText(c))),
      { timeoutMs },
    );
    return { ...(await this.waitForCard(text, 10_000)), message };
  }

  /** Waits until a plain message (not a card) showing `text` is visible; returns its text. */
  async waitForText(text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const element = this.page.getByText(text).last();
    await element.waitFor({ state: 'visible', timeout: timeoutMs });
    await element.scrollIntoViewIfNeeded();
    return element.innerText();
  }

  /** How many cards on the page show `text` right now. */
  async countCards(text: string | RegExp): Promise<number> {
    return this.page.locator(CARD).filter({ hasText: text }).count();
  }

  /** Presses a card button; with `row`, the one in the card's row that names it (e.g. a role). */
  async press(card: Locator, button: string, row?: string): Promise<void> {
    const scope = row
      ? card
          .locator('.ac-container')
          .filter({ hasText: row })
          .filter({ has: this.page.getByRole('button', { name: button, exact: true }) })
          .last()
      : card;
    await scope.getByRole('button', { name: button, exact: true }).first().click();
  }

  /** Fills a card input by its label or placeholder. */
  async fill(card: Locator, label: string, value: string): Promise<void> {
    const input = card.getByLabel(label).or(card.getByPlaceholder(label)).first();
    await input.fill(value);
  }

  /** Saves a screenshot as test-results/e2e/NN-name.png and returns its path. */
  async screenshot(name: string, target?: Locator): Promise<string> {
    this.shots += 1;
    const file = artifactPath(`${String(this.shots).padStart(2, '0')}-${name}.png`);
    if (target) await target.screenshot({ path: file });
    else await this.page.screenshot({ path: file });
    return file;
  }
}
