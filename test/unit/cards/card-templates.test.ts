import { existsSync, readdirSync } from 'node:fs';
import { MAX_CARD_BYTES } from '../../../src/adapters/teams/cards/adaptive-card-json';
import { isSupportedCardVersion, renderCard } from '../../../src/adapters/teams/cards/card-renderer';
import {
  cardSampleDataPath,
  listCardTemplateNames,
} from '../../../src/adapters/teams/cards/card-templates-dir';
import {
  adaptiveCardsLibraryErrors,
  allObjects,
  cardsDir,
  executeActions,
  JsonObject,
  objectsOfType,
  sampleData,
} from './card-inspection';
import type { TeamsBot } from '../../../src/adapters/teams/build-teams-bot';
import { buildOfflineTeamsBot } from '../../fixtures/offline-teams-bot';

/** The card-verb router the bot really builds: every button's verb must have a handler there. */
let bot: TeamsBot;
let closeBot: () => Promise<void>;
beforeAll(async () => {
  ({ bot, close: closeBot } = await buildOfflineTeamsBot());
});
afterAll(() => closeBot());

const expectedTemplates = [
  'activation-confirm',
  'activation-form',
  'activation-progress',
  'activation-result',
  'approval-request',
  'approvals-list',
  'audit-trail',
  'channel-announcement',
  'deactivation-result',
  'did-you-mean',
  'eligibility-expiring',
  'ended',
  'error',
  'help',
  'notice',
  'pick-role',
  'reminder',
  'roles-list',
  'settings',
  'sign-in',
  'status',
  'verify',
  'who-holds-what',
];

const names = listCardTemplateNames(cardsDir);

describe('cards/ folder', () => {
  it('holds exactly the templates the bot uses', () => {
    expect(names).toEqual(expectedTemplates);
  });

  it('has sample data beside every template and no orphan sample data', () => {
    for (const name of names) expect(existsSync(cardSampleDataPath(cardsDir, name))).toBe(true);
    const orphans = readdirSync(cardsDir)
      .filter((f) => f.endsWith('.data.json'))
      .map((f) => f.slice(0, -'.data.json'.length))
      .filter((n) => !names.includes(n));
    expect(orphans).toEqual([]);
  });
});

describe.each(names)('card template %s with its sample data', (name) => {
  const card = renderCard(name, sampleData(name));
  const json = JSON.stringify(card);

  it('parses and validates with the adaptivecards library without a single message', () => {
    expect(adaptiveCardsLibraryErrors(card)).toEqual([]);
  });

  it('is an AdaptiveCard of schema version 1.5 or lower', () => {
    expect(card.type).toBe('AdaptiveCard');
    expect(isSupportedCardVersion(card.version)).toBe(true);
  });

  it('leaves no ${…} binding unexpanded', () => {
    expect(json).not.toContain('${');
  });

  it('stays under the Teams message size budget', () => {
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(MAX_CARD_BYTES);
  });

  it('gives every Action.Execute a verb the bot handles, data, and an Action.Submit fallback with the same verb', () => {
    for (const action of executeActions(card)) {
      expect({ verb: action.verb, handled: bot.verbs.has(String(action.verb)) }).toEqual({
        verb: action.verb,
        handled: true,
      });
      expect(typeof action.title).toBe('string');
      expect(action.data).toEqual(expect.any(Object));
      const fallback = action.fallback as JsonObject;
      expect(fallback).toEqual(expect.objectContaining({ type: 'Action.Submit', title: action.title }));
      const fallbackData = fallback.data as JsonObject;
      expect(fallbackData.verb).toBe(action.verb);
      // Same payload as the Execute, plus the verb.
      expect(fallbackData).toEqual({ ...(action.data as JsonObject), verb: action.verb });
      if (action.associatedInputs !== undefined)
        expect(fallback.associatedInputs).toBe(action.associatedInputs);
    }
  });

  it('uses Action.Submit only as the fallback of an Action.Execute', () => {
    const fallbacks = executeActions(card).map((a) => a.fallback);
    for (const submit of objectsOfType(card, 'Action.Submit')) expect(fallbacks).toContain(submit);
  });

  it('passes the signed token through on every acting button', () => {
    const acting = [...executeActions(card), ...objectsOfType(card, 'Action.Submit')];
    for (const action of acting) {
      expect((action.data as JsonObject).token).toEqual(expect.stringMatching(/^sample-signed-token/));
    }
  });

  it('uses no images from the network', () => {
    for (const o of allObjects(card)) {
      if (o.type === 'Image') expect(String(o.url)).toMatch(/^data:/);
      expect(o.backgroundImage).toBeUndefined();
    }
  });

  it('matches the snapshot', () => {
    expect(card).toMatchSnapshot();
  });
});
