import { badRequest } from './graph-error';

/** One clause of a `$filter`: `field eq|ne value` or `field in (v1, v2…)`. Clauses are AND-ed. */
export interface FilterClause {
  field: string;
  op: 'eq' | 'ne' | 'in';
  values: (string | boolean | null)[];
}

const CLAUSE = /^\s*([A-Za-z][\w/]*)\s+(eq|ne|in)\s+(.+?)\s*$/i;

function parseLiteral(raw: string, filter: string): string | boolean | null {
  const text = raw.trim();
  if (/^'.*'$/s.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  if (/^null$/i.test(text)) return null;
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  throw badRequest(
    'InvalidFilter',
    `The ${filter} filter is invalid: '${text}' is not a quoted string, true, false or null.`,
  );
}

/** Splits on ` and ` outside quotes. `or`, functions and nesting are not supported (Graph refuses most of them on PIM lists too). */
function splitAnd(filter: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < filter.length; i += 1) {
    const ch = filter[i];
    if (ch === "'") quoted = !quoted;
    if (!quoted && /^\s+and\s+/i.test(filter.slice(i))) {
      const match = /^\s+and\s+/i.exec(filter.slice(i));
      parts.push(current);
      current = '';
      i += (match?.[0].length ?? 1) - 1;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

export function parseFilter(filter: string | undefined, allowedFields: readonly string[]): FilterClause[] {
  if (filter === undefined || filter.trim() === '') return [];
  return splitAnd(filter).map((part) => {
    const match = CLAUSE.exec(part);
    if (!match)
      throw badRequest(
        'InvalidFilter',
        `The ${part.trim()} filter is invalid. Supported: <property> eq|ne '<value>' and <property> in ('<v1>','<v2>'), joined with 'and'.`,
      );
    const [, rawField, rawOp, rawValue] = match;
    const field = allowedFields.find((f) => f.toLowerCase() === rawField.toLowerCase());
    if (!field)
      throw badRequest(
        'InvalidFilter',
        `The ${part.trim()} filter is invalid: filtering on '${rawField}' is not supported here. Supported properties: ${allowedFields.join(', ')}.`,
      );
    const op = rawOp.toLowerCase() as FilterClause['op'];
    if (op === 'in') {
      const list = /^\((.*)\)$/s.exec(rawValue.trim());
      if (!list)
        throw badRequest(
          'InvalidFilter',
          `The ${part.trim()} filter is invalid: 'in' needs a parenthesised list such as ('a','b').`,
        );
      const values =
        list[1].trim() === ''
          ? []
          : list[1].split(/,(?=(?:[^']*'[^']*')*[^']*$)/).map((v) => parseLiteral(v, part.trim()));
      return { field, op, values };
    }
    return { field, op, values: [parseLiteral(rawValue, part.trim())] };
  });
}

function equal(actual: unknown, expected: string | boolean | null): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'string' && typeof actual === 'string')
    return actual.toLowerCase() === expected.toLowerCase();
  return actual === expected;
}

export function matchesFilter(
  item: Record<string, unknown>,
  clauses: FilterClause[],
  read: (item: Record<string, unknown>, field: string) => unknown = (i, f) => i[f],
): boolean {
  return clauses.every((clause) => {
    const actual = read(item, clause.field);
    if (clause.op === 'ne') return !equal(actual, clause.values[0]);
    return clause.values.some((v) => equal(actual, v));
  });
}

/** Value of one `eq` clause on `field`, if present (for filters that select a scope, e.g. scopeId). */
export function eqValue(clauses: FilterClause[], field: string): string | undefined {
  const clause = clauses.find((c) => c.field.toLowerCase() === field.toLowerCase() && c.op === 'eq');
  const value = clause?.values[0];
  return typeof value === 'string' ? value : undefined;
}
