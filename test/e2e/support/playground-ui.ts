import type { Browser, Locator, Page } from 'playwright-core';
import { artifactPath } from './artifacts';
import { ConversationStream } from './conversation-stream';

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
    const ui = new PlaygroundUi(page, new ConversationStream(page), url);
    await ui.load();
    return ui;
  }

  /** (Re)loads the client; like Teams, it sends the installation events again on every load. */
  async load(): Promise<void> {
    await this.page.goto(this.url);
    await this.page.getByText('Personal Chat', { exact: true }).first().waitFor();
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

  /** Starts a channel post that @mentions Elevate (picked from the mention menu) and posts it. */
  async postMentioningElevate(text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor=true]').first();
    await box.click();
    await box.pressSequentially('@');
    await this.page.getByRole('menuitem', { name: 'Elevate' }).click();
    await box.pressSequentially(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
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
