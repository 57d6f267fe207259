import type { CommandCatalogueEntry } from '../../domain/commands/catalogue';

export interface CatalogueDrift {
  /** Catalogue commands the router does not register. */
  missing: string[];
  /** Router commands the catalogue does not list. */
  extra: string[];
  /** Commands whose words differ between the router and the catalogue. */
  differentWords: { name: string; router: readonly string[]; catalogue: readonly string[] }[];
}

const sameWords = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((word, i) => word.toLowerCase() === b[i].toLowerCase());

/**
 * Compares a router's registered commands with the catalogue (names and words), so a test can
 * fail when the chat commands, the help card and the manifest's command lists drift apart.
 */
export function catalogueDrift(
  router: { commandWords(): Record<string, readonly string[]> },
  catalogue: ReadonlyArray<Pick<CommandCatalogueEntry, 'name' | 'words'>>,
): CatalogueDrift {
  const registered = router.commandWords();
  const listed = new Map(catalogue.map((entry) => [entry.name.toLowerCase(), entry.words]));
  return {
    missing: [...listed.keys()].filter((name) => !(name in registered)),
    extra: Object.keys(registered).filter((name) => !listed.has(name)),
    differentWords: Object.entries(registered)
      .filter(([name, words]) => listed.has(name) && !sameWords(words, listed.get(name) ?? []))
      .map(([name, words]) => ({ name, router: words, catalogue: listed.get(name) ?? [] })),
  };
}
