/** The bot's `commandLists` for the manifest, generated from the command catalogue within Teams' limits. */
import type { CommandCatalogueEntry } from '../../src/domain/commands/catalogue';
import { PackagingError } from './packaging-error';

export type BotScope = 'personal' | 'team' | 'groupChat';
export const BOT_SCOPES: readonly BotScope[] = ['personal', 'team', 'groupChat'];

/** Teams' limits for a bot's command menu (stricter than the schema, which allows 12 and 128/4000). */
export const COMMAND_LIMITS = { commandsPerList: 10, titleLength: 32, descriptionLength: 128 } as const;

export interface ManifestCommand {
  title: string;
  description: string;
}
export interface CommandList {
  scopes: BotScope[];
  commands: ManifestCommand[];
}

/** One `commandLists` entry per scope, from the catalogue; throws listing every limit broken. */
export function commandListsFrom(catalogue: ReadonlyArray<CommandCatalogueEntry>): CommandList[] {
  const problems: string[] = [];
  for (const entry of catalogue) {
    const label = `command "${entry.name}"`;
    if (entry.title.trim() === '') problems.push(`${label}: title is empty`);
    if (entry.title.length > COMMAND_LIMITS.titleLength) {
      problems.push(
        `${label}: title is ${entry.title.length} characters; Teams allows at most ${COMMAND_LIMITS.titleLength}`,
      );
    }
    if (entry.description.trim() === '') problems.push(`${label}: description is empty`);
    if (entry.description.length > COMMAND_LIMITS.descriptionLength) {
      problems.push(
        `${label}: description is ${entry.description.length} characters; Teams allows at most ${COMMAND_LIMITS.descriptionLength}`,
      );
    }
    if (entry.scopes.length === 0)
      problems.push(`${label}: has no scopes; use some of ${BOT_SCOPES.join(', ')}`);
    for (const scope of entry.scopes) {
      if (!BOT_SCOPES.includes(scope)) {
        problems.push(`${label}: unknown scope "${String(scope)}"; allowed: ${BOT_SCOPES.join(', ')}`);
      }
    }
  }
  const lists: CommandList[] = [];
  for (const scope of BOT_SCOPES) {
    const entries = catalogue.filter((entry) => !entry.adminOnly && entry.scopes.includes(scope));
    if (entries.length === 0) continue;
    if (entries.length > COMMAND_LIMITS.commandsPerList) {
      problems.push(
        `scope ${scope}: ${entries.length} commands; Teams shows at most ${COMMAND_LIMITS.commandsPerList} per scope`,
      );
    }
    const seen = new Set<string>();
    for (const entry of entries) {
      const key = entry.title.toLowerCase();
      if (seen.has(key))
        problems.push(`scope ${scope}: title "${entry.title}" is used by more than one command`);
      seen.add(key);
    }
    lists.push({
      scopes: [scope],
      commands: entries.map((entry) => ({ title: entry.title, description: entry.description })),
    });
  }
  if (problems.length > 0) {
    throw new PackagingError(problems, 1, 'The command catalogue does not fit the Teams command menu');
  }
  return lists;
}

/** Differences between the template's `commandLists` and the ones generated from the catalogue. */
export function commandListsDrift(inTemplate: unknown, generated: CommandList[]): string[] {
  const drift: string[] = [];
  const lists = Array.isArray(inTemplate) ? (inTemplate as CommandList[]) : [];
  const byScope = (all: CommandList[]) => new Map(all.map((list) => [list.scopes.join(','), list.commands]));
  const have = byScope(lists);
  const want = byScope(generated);
  for (const [scope, commands] of want) {
    const current = have.get(scope);
    if (!current) {
      drift.push(`scope ${scope}: missing from the template`);
      continue;
    }
    const currentText = JSON.stringify(current.map((c) => [c.title, c.description]));
    const wantedText = JSON.stringify(commands.map((c) => [c.title, c.description]));
    if (currentText !== wantedText) {
      drift.push(
        `scope ${scope}: template has [${current.map((c) => c.title).join(', ')}], ` +
          `catalogue gives [${commands.map((c) => c.title).join(', ')}] (or titles/descriptions differ)`,
      );
    }
  }
  for (const scope of have.keys()) {
    if (!want.has(scope)) drift.push(`scope ${scope}: in the template but no catalogue command uses it`);
  }
  return drift;
}
