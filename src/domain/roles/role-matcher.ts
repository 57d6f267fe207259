import { DomainError, ErrorCodes } from '../errors';
import type { EligibleRole } from '../roles';
import { adminVariants, ROLE_ALIASES } from './role-aliases';
import { INPUT_LIMITS } from '../input-limits';
import { editDistance } from './string-distance';

export type RoleMatch =
  | { kind: 'match'; role: EligibleRole }
  /** Several roles fit: ask the user to pick one (the candidates may differ only by scope). */
  | { kind: 'ambiguous'; candidates: EligibleRole[] }
  /**
   * Nothing fits. `reason: 'name'`: no role by that name ("did you mean" the suggestions);
   * `reason: 'scope'`: the role exists but not at the scope asked for (suggestions: its scopes).
   */
  | { kind: 'none'; reason: 'name' | 'scope'; suggestions: EligibleRole[] };

export interface RoleMatchOptions {
  /** Scope name (administrative unit display name) or directoryScopeId to narrow to. */
  scope?: string;
  /** How many "did you mean" suggestions to return at most (default 3). */
  maxSuggestions?: number;
}

const TENANT_WIDE = new Set([
  '/',
  'directory',
  'tenant',
  'tenant-wide',
  'tenant wide',
  'organization',
  'org',
]);

const lower = (value: string) => value.toLowerCase().replace(/\s+/g, ' ').trim();

function normaliseQuery(query: string): string {
  return lower(query)
    .replace(/^["']|["']$/g, '')
    .replace(/^the /, '')
    .replace(/ role$/, '')
    .trim();
}

/** One entry per activatable target; a role eligible directly and through a group counts once (direct wins). */
function distinctTargets(roles: readonly EligibleRole[]): EligibleRole[] {
  const byTarget = new Map<string, EligibleRole>();
  for (const role of roles) {
    const key = `${role.kind}|${role.roleId}|${role.directoryScopeId}`;
    const existing = byTarget.get(key);
    if (!existing || (existing.via.type !== 'direct' && role.via.type === 'direct')) byTarget.set(key, role);
  }
  return [...byTarget.values()];
}

const initials = (name: string) =>
  lower(name)
    .split(/[\s-]+/)
    .map((word) => word[0])
    .join('');

/** Every query word is the start of the corresponding role-name word: `exch admin`, `priv role adm`. */
function wordsPrefix(query: string, name: string): boolean {
  const q = query.split(' ');
  const n = name.split(' ');
  return q.length <= n.length && q.every((word, i) => n[i].startsWith(word));
}

type NameResolution = { names: string[] } | { fuzzyMisses: string[] };

function resolveNames(query: string, names: readonly string[]): NameResolution {
  const pick = (test: (name: string) => boolean) => names.filter(test);
  const variants = adminVariants(query);

  const exact = pick((name) => name === query);
  if (exact.length) return { names: exact };

  const aliasTargets = new Set(variants.flatMap((v) => [v, lower(ROLE_ALIASES[v] ?? '')]).filter(Boolean));
  const aliased = pick((name) => aliasTargets.has(name));
  if (aliased.length) return { names: aliased };

  if (/^[a-z]{2,6}$/.test(query)) {
    const byInitials = pick((name) => name.includes(' ') && initials(name) === query);
    if (byInitials.length) return { names: byInitials };
  }

  const prefixed = pick((name) => variants.some((v) => name.startsWith(v) || wordsPrefix(v, name)));
  if (prefixed.length) return { names: prefixed };

  if (query.length >= 3) {
    const containing = pick((name) => variants.some((v) => name.includes(v)));
    if (containing.length) return { names: containing };
  }

  return fuzzy(query, variants, names);
}

/** Names further than this many edits from the query rank as equally far (keeps the distance cheap). */
const RANKING_BOUND = 32;

function fuzzy(query: string, variants: readonly string[], names: readonly string[]): NameResolution {
  const aliasesByTarget = new Map<string, string[]>();
  for (const [alias, target] of Object.entries(ROLE_ALIASES)) {
    aliasesByTarget.set(lower(target), [...(aliasesByTarget.get(lower(target)) ?? []), alias]);
  }
  const scored = names
    .map((name) => {
      const spellings = [name, ...(aliasesByTarget.get(name) ?? [])];
      const distance = Math.min(
        ...variants.flatMap((v) => spellings.map((s) => editDistance(v, s, RANKING_BOUND))),
      );
      return { name, distance };
    })
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));

  // A typo fix must be small relative to the name: no fuzzy guesses for very short queries.
  const tight = query.length < 4 ? 0 : Math.min(3, Math.max(1, Math.floor(query.length / 6)));
  const best = scored[0];
  if (best && best.distance <= tight) {
    return { names: scored.filter((s) => s.distance === best.distance).map((s) => s.name) };
  }

  // Suggestions compare the distinctive part of the names: "Administrator" is in most of them.
  const core = (name: string) =>
    name
      .replace(/\b(?:administrators?|admins?)\b/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const queryCore = core(query);
  const loose = Math.max(2, Math.floor(queryCore.length / 2.5));
  const words = queryCore.split(' ').filter((word) => word.length >= 3);
  const close = queryCore
    ? scored.filter((s) => editDistance(queryCore, core(s.name), loose) <= loose).map((s) => s.name)
    : [];
  const sharingWord = scored
    .filter((s) => words.some((word) => s.name.split(' ').some((part) => part.startsWith(word))))
    .map((s) => s.name);
  return { fuzzyMisses: [...new Set([...close, ...sharingWord])] };
}

function scopeFits(scope: string, role: EligibleRole): boolean {
  const wanted = lower(scope);
  if (TENANT_WIDE.has(wanted)) return role.directoryScopeId === '/';
  return lower(role.scopeName) === wanted || lower(role.directoryScopeId) === wanted;
}

function scopeFitsLoosely(scope: string, role: EligibleRole): boolean {
  const wanted = lower(scope);
  return wanted.length >= 2 && lower(role.scopeName).includes(wanted);
}

/**
 * Finds which of the user's eligible roles a typed name means: exact name (case-insensitive) →
 * alias (`GA`, `Exchange Admin`, any "X Admin" for "X Administrator") → initials → unique
 * prefix (also word by word: `exch admin`) → containment → a small typo (Damerau-Levenshtein).
 * Then narrows by `options.scope` (scope name or id; `directory`/`tenant` for tenant-wide).
 * Several matching roles, or one role eligible at several scopes, come back as `ambiguous`.
 */
export function matchRole(
  query: string,
  roles: readonly EligibleRole[],
  options: RoleMatchOptions = {},
): RoleMatch {
  if (query.length > INPUT_LIMITS.roleName) {
    throw new DomainError(
      ErrorCodes.InputTooLong,
      `That role name is ${query.length.toLocaleString('en-US')} characters long; role names have at most ${INPUT_LIMITS.roleName}.`,
      {
        remedy: 'Check the name, or say "roles" to see the roles you can use and their exact names.',
        details: { length: query.length, allowed: INPUT_LIMITS.roleName },
      },
    );
  }
  const q = normaliseQuery(query);
  if (!q) {
    throw new DomainError(
      ErrorCodes.CommandInvalid,
      'The role name is empty. For example: "activate Exchange Admin".',
      {
        remedy: 'Say which role you mean, or say "roles" to see the ones you can activate.',
        details: { input: query },
      },
    );
  }
  const targets = distinctTargets(roles);
  const names = [...new Set(targets.map((role) => lower(role.roleName)))];
  const resolution = resolveNames(q, names);
  const maxSuggestions = options.maxSuggestions ?? 3;

  if ('fuzzyMisses' in resolution) {
    const suggestions = resolution.fuzzyMisses
      .flatMap((name) => targets.filter((role) => lower(role.roleName) === name))
      .slice(0, maxSuggestions);
    return { kind: 'none', reason: 'name', suggestions };
  }

  let candidates = targets.filter((role) => resolution.names.includes(lower(role.roleName)));
  if (options.scope !== undefined && options.scope.trim()) {
    const scope = options.scope;
    const exact = candidates.filter((role) => scopeFits(scope, role));
    const loose = exact.length ? exact : candidates.filter((role) => scopeFitsLoosely(scope, role));
    if (!loose.length) return { kind: 'none', reason: 'scope', suggestions: candidates };
    candidates = loose;
  }
  return candidates.length === 1 ? { kind: 'match', role: candidates[0] } : { kind: 'ambiguous', candidates };
}

/**
 * True when `query` names `role` exactly: its name or a known alias (`Exchange Admin`, `GA`),
 * ignoring case, spacing and a leading "the" / trailing "role". Prefixes, initials and typo fixes
 * are not exact: a command read that way is shown back to the user before it runs.
 */
export function namesRoleExactly(query: string, role: Pick<EligibleRole, 'roleName'>): boolean {
  const q = normaliseQuery(query);
  const name = lower(role.roleName);
  return adminVariants(q).some((v) => v === name || lower(ROLE_ALIASES[v] ?? '') === name);
}
