import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMAND_CATALOGUE, type CommandCatalogueEntry } from '../../../src/domain/commands/catalogue';
import {
  commandListsDrift,
  commandListsFrom,
  COMMAND_LIMITS,
  PackagingError,
  readTemplate,
  TEMPLATE_PATH,
  updateTemplateCommands,
} from '../../../scripts/package-app';

// See package-app.test.ts: strip-bom is ES-module-only and unused by these tests.
jest.mock('strip-bom', () => (text: string) => text.replace(/^\uFEFF/, ''));

function entry(name: string, overrides: Partial<CommandCatalogueEntry> = {}): CommandCatalogueEntry {
  return {
    name,
    title: name,
    description: `Does ${name}.`,
    example: name,
    scopes: ['personal', 'team', 'groupChat'],
    words: [name],
    ...overrides,
  };
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PackagingError) return error.problems;
    throw error;
  }
  throw new Error('expected a PackagingError');
}

describe('manifest commandLists and the router command catalogue', () => {
  it('the template lists exactly the catalogue commands per scope (run `npm run package -- --update-template` after changing the catalogue)', () => {
    const template = readTemplate();
    expect(commandListsDrift(template.bots[0].commandLists, commandListsFrom(COMMAND_CATALOGUE))).toEqual([]);
  });

  it('every catalogue command appears in the menu of each of its scopes', () => {
    const lists = commandListsFrom(COMMAND_CATALOGUE);
    for (const command of COMMAND_CATALOGUE.filter((entry) => !entry.adminOnly)) {
      for (const scope of command.scopes) {
        const list = lists.find((l) => l.scopes.includes(scope));
        expect(list?.commands).toContainEqual({ title: command.title, description: command.description });
      }
    }
  });
});

describe('commandListsFrom', () => {
  it('groups commands into one list per scope, in catalogue order', () => {
    const lists = commandListsFrom([
      entry('roles'),
      entry('remind', { scopes: ['personal'] }),
      entry('help'),
    ]);
    expect(lists).toEqual([
      {
        scopes: ['personal'],
        commands: ['roles', 'remind', 'help'].map((t) => ({ title: t, description: `Does ${t}.` })),
      },
      { scopes: ['team'], commands: ['roles', 'help'].map((t) => ({ title: t, description: `Does ${t}.` })) },
      {
        scopes: ['groupChat'],
        commands: ['roles', 'help'].map((t) => ({ title: t, description: `Does ${t}.` })),
      },
    ]);
  });

  it('leaves out scopes no command uses', () => {
    expect(commandListsFrom([entry('roles', { scopes: ['personal'] })]).map((l) => l.scopes)).toEqual([
      ['personal'],
    ]);
  });

  it('lists every Teams limit the catalogue breaks', () => {
    const tooMany = Array.from({ length: COMMAND_LIMITS.commandsPerList + 1 }, (_, i) =>
      entry(`c${i}`, { scopes: ['personal'] }),
    );
    const problems = problemsOf(() =>
      commandListsFrom([
        ...tooMany,
        entry('long', { title: 'x'.repeat(33) }),
        entry('wordy', { description: 'y'.repeat(129) }),
        entry('blank', { description: ' ' }),
        entry('nowhere', { scopes: [] }),
        entry('c1', { scopes: ['team'] }),
        entry('C1', { scopes: ['team'] }),
      ]),
    );
    expect(problems).toEqual([
      'command "long": title is 33 characters; Teams allows at most 32',
      'command "wordy": description is 129 characters; Teams allows at most 128',
      'command "blank": description is empty',
      'command "nowhere": has no scopes; use some of personal, team, groupChat',
      'scope personal: 14 commands; Teams shows at most 10 per scope',
      'scope team: title "C1" is used by more than one command',
    ]);
  });
});

describe('commandListsDrift', () => {
  const generated = commandListsFrom([entry('roles'), entry('help', { scopes: ['personal'] })]);

  it('is empty when the lists match', () => {
    expect(commandListsDrift(JSON.parse(JSON.stringify(generated)), generated)).toEqual([]);
  });

  it('names added, removed, reworded and extra scopes', () => {
    const stale = [
      { scopes: ['personal'], commands: [{ title: 'roles', description: 'Old words.' }] },
      { scopes: ['groupChat'], commands: [{ title: 'roles', description: 'Does roles.' }] },
      { scopes: ['copilot'], commands: [{ title: 'roles', description: 'Does roles.' }] },
    ];
    expect(commandListsDrift(stale, generated)).toEqual([
      'scope personal: template has [roles], catalogue gives [roles, help] (or titles/descriptions differ)',
      'scope team: missing from the template',
      'scope copilot: in the template but no catalogue command uses it',
    ]);
  });
});

describe('updateTemplateCommands (npm run package -- --update-template)', () => {
  it('rewrites only the commandLists, from the catalogue', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-template-'));
    try {
      const copy = path.join(dir, 'manifest.template.json');
      const stale = readTemplate();
      stale.bots[0].commandLists = [
        { scopes: ['personal'], commands: [{ title: 'old', description: 'Gone.' }] },
      ];
      fs.writeFileSync(copy, JSON.stringify(stale));
      updateTemplateCommands(COMMAND_CATALOGUE, copy);
      const updated = readTemplate(copy);
      expect(commandListsDrift(updated.bots[0].commandLists, commandListsFrom(COMMAND_CATALOGUE))).toEqual(
        [],
      );
      expect({ ...updated, bots: [] }).toEqual({ ...readTemplate(TEMPLATE_PATH), bots: [] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
