import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_CARD_BYTES } from '../../../src/adapters/teams/cards/adaptive-card-json';
import {
  cardAttachment,
  cardTemplateNames,
  createCardRenderer,
  isSupportedCardVersion,
  renderCard,
} from '../../../src/adapters/teams/cards/card-renderer';
import { cardDataSchemas, isCardName } from '../../../src/adapters/teams/cards/card-data.schemas';
import { CardTemplateError } from '../../../src/adapters/teams/cards/card-template-error';
import { findCardTemplatesDir } from '../../../src/adapters/teams/cards/card-templates-dir';
import { executeActions, JsonObject, sampleData } from './card-inspection';

const projectRoot = resolve(__dirname, '../../..');

describe('renderCard', () => {
  it('expands a template with its data', () => {
    const card = renderCard('error', {
      title: 'Role not found',
      cause: 'Nothing matches "exchnage".',
      remedy: 'Say "roles" to see your roles.',
      code: 'ROLE_NOT_FOUND',
      reference: '',
    });
    expect(card.type).toBe('AdaptiveCard');
    expect(JSON.stringify(card)).toContain('Nothing matches \\"exchnage\\".');
    expect(JSON.stringify(card)).toContain('Details: ROLE_NOT_FOUND');
  });

  it('returns a fresh object each time, so callers may change it', () => {
    const first = renderCard('help', sampleData('help'));
    first.body = [];
    const second = renderCard('help', sampleData('help'));
    expect(second.body?.length).toBeGreaterThan(0);
  });

  it('refuses an unknown template and lists the known ones', () => {
    expect(() => renderCard('approval', {})).toThrow(CardTemplateError);
    expect(() => renderCard('approval', {})).toThrow(
      /Card template "approval": no such template; known templates: activation-confirm, activation-form, .*who-holds-what/,
    );
  });

  it('refuses names that would leave the cards folder, and sample-data files', () => {
    expect(() => renderCard('../package', {})).toThrow(/no such template/);
    expect(() => renderCard('help.data', {})).toThrow(/no such template/);
  });

  it('refuses data that is not a plain object', () => {
    expect(() => renderCard('help', [] as unknown as object)).toThrow(/data must be a plain object/);
    expect(() => renderCard('help', null as unknown as object)).toThrow(/data must be a plain object/);
  });

  it('checks data against the card schema and names each field that is wrong', () => {
    const { intro: _intro, ...data } = sampleData('help');
    expect(() => renderCard('help', data)).toThrow(
      'Card template "help": data does not fit the card: intro: Invalid input: expected string, received undefined',
    );
  });

  it('names the allowed values of a variant field', () => {
    expect(() =>
      renderCard('activation-result', { ...sampleData('activation-result'), outcome: 'activ' }),
    ).toThrow(
      /outcome: Invalid option: expected one of "active"\|"scheduled"\|"pending"\|"alreadyActive"\|"duplicatePending"/,
    );
  });

  it('names fields a variant needs', () => {
    expect(() =>
      renderCard('activation-result', { ...sampleData('activation-result'), outcome: 'active', endsAt: '' }),
    ).toThrow(/endsAt: endsAt is required for an active role/);
    expect(() =>
      renderCard('activation-result', { ...sampleData('activation-result'), approvers: [] }),
    ).toThrow(/approvers: approvers must name at least one approver/);
  });

  it('names a default that is not among the choices', () => {
    expect(() => renderCard('reminder', { ...sampleData('reminder'), defaultExtension: 'PT9H' })).toThrow(
      /defaultExtension: defaultExtension must be empty or one of the extensionChoices values: PT30M, PT1H, PT2H, PT4H, PT7H50M/,
    );
  });

  it('names fields inside repeated items', () => {
    const data = sampleData('pick-role');
    (data.candidates as JsonObject[])[1] = { ...(data.candidates as JsonObject[])[1], roleId: '' };
    expect(() => renderCard('pick-role', data)).toThrow(/candidates\.1\.roleId: Too small/);
  });

  it('without a schema, still names every field the template needs but the data lacks, instead of showing ${…}', () => {
    const unchecked = createCardRenderer(findCardTemplatesDir());
    const { intro: _intro, footer: _footer, ...rest } = sampleData('help');
    expect(() => unchecked.render('help', rest)).toThrow(
      'Card template "help": data is missing footer, intro',
    );
    const data = sampleData('pick-role');
    (data.candidates as JsonObject[])[1] = { roleName: 'User Administrator' };
    expect(() => unchecked.render('pick-role', data)).toThrow(
      /data is missing directoryScopeId, roleId, scopeName/,
    );
  });

  it('treats the signed token as optional: an empty token when the presenter has none', () => {
    const { token: _token, ...data } = sampleData('help');
    const card = renderCard('help', data);
    for (const action of executeActions(card)) expect((action.data as JsonObject).token).toBe('');
  });

  it('passes user text through verbatim, even text that looks like a binding', () => {
    const data = { ...sampleData('error'), cause: 'Justification "${token} & <b>" was refused' };
    const card = renderCard('error', data);
    expect(JSON.stringify(card)).toContain('Justification \\"${token} & <b>\\" was refused');
  });

  it('refuses a card larger than the Teams budget', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({
      name: `command ${i}`,
      description: 'x'.repeat(40),
      examples: [`example ${i}`],
    }));
    expect(() => renderCard('help', { ...sampleData('help'), commands: many })).toThrow(
      new RegExp(`expanded card is \\d+ bytes; Teams messages must stay under ${MAX_CARD_BYTES} bytes`),
    );
  });

  it('has a data schema for every template of the project, and no other', () => {
    expect(Object.keys(cardDataSchemas).sort()).toEqual(cardTemplateNames());
    for (const name of cardTemplateNames()) expect(isCardName(name)).toBe(true);
    expect(isCardName('toString')).toBe(false);
  });

  it('lists every template of the project', () => {
    expect(cardTemplateNames()).toContain('approval-request');
    expect(cardTemplateNames()).not.toContain('approval-request.data');
  });
});

describe('cardAttachment', () => {
  it('wraps the card as an Adaptive Card attachment', () => {
    const card = renderCard('sign-in', sampleData('sign-in'));
    const attachment = cardAttachment(card);
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content).toEqual(card);
  });
});

describe('findCardTemplatesDir', () => {
  it('finds cards/ at the project root from src/ and from dist/', () => {
    expect(findCardTemplatesDir()).toBe(join(projectRoot, 'cards'));
    expect(findCardTemplatesDir(join(projectRoot, 'dist', 'src', 'adapters', 'teams', 'cards'))).toBe(
      join(projectRoot, 'cards'),
    );
  });

  it('says so when there is no project root above', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'elevate-no-root-'));
    try {
      expect(() => findCardTemplatesDir(lonely)).toThrow(/Cannot find the project root/);
    } finally {
      rmSync(lonely, { recursive: true, force: true });
    }
  });
});

describe('createCardRenderer on a folder of bad templates', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'elevate-cards-'));
    writeFileSync(
      join(dir, 'too-new.json'),
      JSON.stringify({ type: 'AdaptiveCard', version: '1.6', body: [] }),
    );
    writeFileSync(join(dir, 'not-a-card.json'), JSON.stringify({ type: 'Message' }));
    writeFileSync(join(dir, 'broken.json'), '{ "type": ');
    writeFileSync(join(dir, 'fine.json'), JSON.stringify({ type: 'AdaptiveCard', version: '1.4', body: [] }));
    writeFileSync(join(dir, 'fine.data.json'), '{}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists templates without their sample data', () => {
    expect(createCardRenderer(dir).templateNames()).toEqual(['broken', 'fine', 'not-a-card', 'too-new']);
  });

  it('refuses a schema version Teams cannot render', () => {
    expect(() => createCardRenderer(dir).render('too-new', {})).toThrow(
      'Card template "too-new": version "1.6" is not allowed; Teams renders versions up to 1.5',
    );
  });

  it('refuses a file that is not an Adaptive Card', () => {
    expect(() => createCardRenderer(dir).render('not-a-card', {})).toThrow(/is not an Adaptive Card/);
  });

  it('refuses a file that is not JSON', () => {
    expect(() => createCardRenderer(dir).render('broken', {})).toThrow(/cannot read .*broken\.json/);
  });

  it('renders a good one', () => {
    expect(createCardRenderer(dir).render('fine', {})).toEqual({
      type: 'AdaptiveCard',
      version: '1.4',
      body: [],
    });
  });
});

describe('isSupportedCardVersion', () => {
  it.each([
    ['1.0', true],
    ['1.2', true],
    ['1.5', true],
    ['1.6', false],
    ['1.10', false],
    ['2.0', false],
    ['1', false],
    [1.5, false],
    [undefined, false],
  ])('%p → %p', (version, expected) => {
    expect(isSupportedCardVersion(version)).toBe(expected);
  });
});

describe('the cards module entry point', () => {
  it('exports the renderer, verbs and data schemas', async () => {
    const entry = await import('../../../src/adapters/teams/cards');
    expect(entry.renderCard).toBe(renderCard);
    expect(entry.CardVerbs.submitActivation).toBe('submitActivation');
    expect(entry.cardDataSchemas['approval-request']).toBe(cardDataSchemas['approval-request']);
  });
});
