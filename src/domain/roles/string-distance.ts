/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance: insertions, deletions,
 * substitutions and transpositions of adjacent characters each cost 1, so "Exchnage" is one edit
 * from "Exchange".
 *
 * Bounded: with `max`, only the diagonal band |i - j| <= max is computed and the answer is
 * `max + 1` as soon as it must exceed `max` (different lengths by more than `max`, or a whole
 * row above it), so the cost is O(length × max) time and O(length) memory whatever the input.
 * An unbounded call keeps three rows, never a full table.
 *
 * Written by hand on purpose: domain/ may import only luxon and node built-ins, the project has
 * no string-distance dependency of its own (the Levenshtein packages under node_modules are
 * transitive dependencies of tooling, not ours to rely on, and they neither count transpositions
 * nor stop at a bound), and the algorithm is a few lines of textbook dynamic programming.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const cols = b.length + 1;
  let before = new Array<number>(cols).fill(over);
  let previous = Array.from({ length: cols }, (_, j) => (j <= max ? j : over));
  let current = new Array<number>(cols).fill(over);
  for (let i = 1; i <= a.length; i += 1) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current.fill(over);
    current[0] = i <= max ? i : over;
    let rowMin = current[0];
    for (let j = from; j <= to; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], over);
}
