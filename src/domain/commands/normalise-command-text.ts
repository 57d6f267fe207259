const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  '#39': "'",
};

/**
 * Cleans a chat message before command matching, keeping the case of what the user typed:
 * removes `<at>…</at>` mentions of the bot (other people's mentions keep their name) and a leftover leading `@Elevate`/`Elevate:` mention, HTML tags
 * and common entities (channel messages arrive as HTML), turns typographic quotes into plain
 * ones, collapses whitespace (including non-breaking and zero-width spaces) and drops trailing
 * sentence punctuation.
 */
export function normaliseCommandText(text: string, botNames: readonly string[] = ['Elevate']): string {
  const isBot = (name: string) => botNames.some((bot) => bot.toLowerCase() === name.trim().toLowerCase());
  let value = text
    .replace(/<at\b[^>]*>(.*?)<\/at>/gis, (_, name: string) => (isBot(name) ? ' ' : name))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(nbsp|amp|quot|apos|lt|gt|#39);/gi, (_, name: string) => ENTITIES[name.toLowerCase()])
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const name of botNames) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    value = value.replace(new RegExp(`^@?${escaped}(?:\\s*[:,]\\s*|\\s+|$)`, 'i'), '').trim();
  }
  value = value.replace(/^@\S+\s+/, '');
  return value.replace(/\s*[.!?]+$/, '').trim();
}
