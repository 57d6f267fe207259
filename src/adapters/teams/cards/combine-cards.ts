import type { AdaptiveCardJson } from './adaptive-card-json';

/**
 * One card for a request that named several roles: the parts' bodies one after the other, each
 * in its own separated container, and their card-level buttons once each (the same verb and
 * title only once). Used where each role's outcome is final (deactivate), so no later update
 * targets one part alone.
 */
export function combineCards(parts: readonly AdaptiveCardJson[]): AdaptiveCardJson {
  if (parts.length === 1) return parts[0];
  const [first] = parts;
  const seen = new Set<string>();
  const actions: unknown[] = [];
  for (const part of parts) {
    for (const action of part.actions ?? []) {
      const { type, title, verb } = action as { type?: string; title?: string; verb?: string };
      const key = `${type}|${title}|${verb}`;
      if (seen.has(key)) continue;
      seen.add(key);
      actions.push(action);
    }
  }
  return {
    type: 'AdaptiveCard',
    version: first?.version ?? '1.5',
    ...(first?.$schema ? { $schema: first.$schema } : {}),
    body: parts.map((part, index) => ({
      type: 'Container',
      ...(index > 0 ? { separator: true, spacing: 'Large' } : {}),
      items: part.body ?? [],
    })),
    ...(actions.length ? { actions } : {}),
  };
}
