import { GraphError } from '../../src/simulator/graph/graph-error';
import { eqValue, matchesFilter, parseFilter } from '../../src/simulator/graph/odata-filter';

describe('simulator OData $filter parsing', () => {
  const fields = ['principalId', 'status', 'isBuiltIn'];

  it('parses eq, ne, in, null and booleans joined with and (case-insensitive field names)', () => {
    const clauses = parseFilter(
      "PrincipalId in ('a', 'b') and status ne 'Revoked' and isBuiltIn eq true",
      fields,
    );
    expect(clauses).toEqual([
      { field: 'principalId', op: 'in', values: ['a', 'b'] },
      { field: 'status', op: 'ne', values: ['Revoked'] },
      { field: 'isBuiltIn', op: 'eq', values: [true] },
    ]);
    expect(matchesFilter({ principalId: 'B', status: 'Provisioned', isBuiltIn: true }, clauses)).toBe(true);
    expect(matchesFilter({ principalId: 'c', status: 'Provisioned', isBuiltIn: true }, clauses)).toBe(false);
    expect(eqValue(parseFilter("status eq 'It''s and more'", fields), 'status')).toBe("It's and more");
    expect(matchesFilter({ status: null }, parseFilter('status eq null', fields))).toBe(true);
  });

  it.each([
    ["startswith(status,'P')", 'is invalid'],
    ["roleDefinitionId eq 'x'", "filtering on 'roleDefinitionId' is not supported"],
    ['status eq Provisioned', 'not a quoted string'],
    ["principalId in 'a'", 'parenthesised list'],
  ])('refuses %s with InvalidFilter', (filter, message) => {
    let error: unknown;
    try {
      parseFilter(filter, fields);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      status: 400,
      code: 'InvalidFilter',
      message: expect.stringContaining(message),
    });
  });
});
