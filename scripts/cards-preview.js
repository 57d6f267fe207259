// Renders every card template in cards/ with its sample data to PNG under test-results/cards/,
// using the adaptivecards library's own HTML renderer inside headless Debian chromium with a
// Teams-like host config, so a person can look at them. Usage: npm run cards:preview [name…]
/* global document, AdaptiveCards -- used only inside page.evaluate, which runs in the browser */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'test-results', 'cards');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The renderer is TypeScript; transpile it on require (no type checking: `npm run typecheck` does that).
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  module._compile(outputText, filename);
};
const { renderCard, cardTemplateNames } = require('../src/adapters/teams/cards/card-renderer.ts');
const {
  findCardTemplatesDir,
  cardSampleDataPath,
} = require('../src/adapters/teams/cards/card-templates-dir.ts');

const PAGE_CSS = `
  body { margin: 0; padding: 24px; background: #F5F5F5; font-family: 'Segoe UI', 'Liberation Sans', sans-serif; }
  #frame { background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.18); overflow: hidden; }
  .ac-pushButton { font: 600 14px 'Segoe UI', 'Liberation Sans', sans-serif; color: #242424; background: #FFFFFF;
    border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 12px; min-height: 32px; cursor: pointer;
    overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
  .ac-pushButton.style-destructive { background: #FFFFFF; color: #C4314B; border-color: #C4314B; }
  .ac-input { font: 14px 'Segoe UI', 'Liberation Sans', sans-serif; color: #242424; }
  .ac-input.ac-textInput, .ac-input.ac-multichoiceInput select, select.ac-input, .ac-input.ac-dateInput, .ac-input.ac-timeInput {
    border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px; padding: 5px 8px; background: #FFFFFF; }
  .ac-input.ac-textInput.ac-multiline { min-height: 64px; }
  .ac-input-validation-failed { border-color: #C4314B !important; }
`;

async function main() {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} not found: install it with "apt-get update && apt-get install -y chromium" or set CHROMIUM_PATH`,
    );
  }
  const cardsDir = findCardTemplatesDir();
  const known = cardTemplateNames();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((n) => !known.includes(n));
  if (unknown.length > 0)
    throw new Error(`unknown card(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
  const names = wanted.length > 0 ? wanted : known;
  const hostConfig = JSON.parse(
    fs.readFileSync(path.join(__dirname, 'cards-preview.host-config.json'), 'utf8'),
  );
  fs.mkdirSync(outDir, { recursive: true });

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="frame"></div></body></html>`,
    );
    await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
    await page.addStyleTag({ content: PAGE_CSS });
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    for (const name of names) {
      const data = JSON.parse(fs.readFileSync(cardSampleDataPath(cardsDir, name), 'utf8'));
      const card = renderCard(name, data);
      const fullWidth = card.msteams && card.msteams.width === 'Full';
      const problems = await page.evaluate(
        ({ card, hostConfig, width }) => {
          const frame = document.getElementById('frame');
          frame.style.width = `${width}px`;
          frame.innerHTML = '';
          const ac = new AdaptiveCards.AdaptiveCard();
          ac.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
          const context = new AdaptiveCards.SerializationContext();
          ac.parse(card, context);
          const messages = [];
          for (let i = 0; i < context.eventCount; i++) messages.push(context.getEventAt(i).message);
          const element = ac.render();
          if (!element) return ['renderer returned nothing'];
          frame.appendChild(element);
          return messages;
        },
        { card, hostConfig, width: fullWidth ? 760 : 480 },
      );
      if (problems.length > 0) console.warn(`${name}: ${problems.join('; ')}`);
      const file = path.join(outDir, `${name}.png`);
      await page.locator('#frame').screenshot({ path: file });
      console.log(`wrote ${path.relative(root, file)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`cards:preview failed: ${error.message}`);
  process.exit(1);
});
