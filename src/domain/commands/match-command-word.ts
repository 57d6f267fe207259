export interface CommandWordMatch<N extends string = string> {
  /** The command's registered name. */
  name: N;
  /** The word sequence that matched, as registered (`my roles`). */
  word: string;
  /** The rest of the (normalised) text after the command word, case preserved. */
  rest: string;
}

/**
 * Finds the longest registered word sequence that starts `text` (case-insensitive, on a word
 * boundary). `text` should already be normalised (see normaliseCommandText).
 */
export function matchCommandWord<N extends string>(
  text: string,
  commands: ReadonlyArray<{ name: N; words: readonly string[] }>,
): CommandWordMatch<N> | undefined {
  const lower = text.toLowerCase();
  let best: CommandWordMatch<N> | undefined;
  for (const command of commands) {
    for (const word of command.words) {
      const candidate = word.toLowerCase().replace(/\s+/g, ' ').trim();
      if (!lower.startsWith(candidate)) continue;
      const next = lower.charAt(candidate.length);
      if (next !== '' && !/[\s,:;]/.test(next)) continue;
      if (best && best.word.length >= candidate.length) continue;
      best = {
        name: command.name,
        word,
        rest: text
          .slice(candidate.length)
          .replace(/^[\s,:;]+/, '')
          .trim(),
      };
    }
  }
  return best;
}
