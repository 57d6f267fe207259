import fc from 'fast-check';
import { editDistance } from '../../../src/domain/roles/string-distance';
import { matchRole } from '../../../src/domain/roles/role-matcher';
import { checkMessageLength, checkRoleNames, INPUT_LIMITS } from '../../../src/domain/input-limits';
import { ErrorCodes } from '../../../src/domain/errors';

/** Textbook full-table OSA distance, the reference the bounded one must agree with. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', ' '), maxLength: 14 });

describe('bounded string distance', () => {
  test('unbounded, it equals the full-table distance', () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)));
  });

  test('bounded by max, it is exact up to max and max + 1 beyond', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const exact = reference(a, b);
        return editDistance(a, b, max) === (exact <= max ? exact : max + 1);
      }),
    );
  });

  test('a huge input against a short name stops at the bound (no full table)', () => {
    expect(editDistance('x'.repeat(150_000), 'exchange administrator', 3)).toBe(4);
    expect(editDistance('exchange administratorx', `exchange administrator${'y'.repeat(1)}`, 3)).toBe(1);
  });
});

describe('input limits', () => {
  test('a message over the limit is refused with its length and the limit', () => {
    expect(() => checkMessageLength('a'.repeat(INPUT_LIMITS.message))).not.toThrow();
    expect(() => checkMessageLength('a'.repeat(50_000))).toThrow(
      'Your message is 50,000 characters long; Elevate reads commands of up to 4,000 characters.',
    );
  });

  test('more roles than allowed, or an over-long role name, is refused', () => {
    expect(() => checkRoleNames(['a', 'b'], 2, 'activate')).not.toThrow();
    expect(() => checkRoleNames(['a', 'b', 'c'], 2, 'activate')).toThrow(
      expect.objectContaining({ code: ErrorCodes.TooManyRoles }),
    );
    expect(() => checkRoleNames(['x'.repeat(257)], 10, 'deactivate')).toThrow(
      expect.objectContaining({ code: ErrorCodes.InputTooLong }),
    );
  });

  test('matchRole refuses a role name over 256 characters instead of comparing it', () => {
    expect(() => matchRole('x'.repeat(150_000), [])).toThrow(
      expect.objectContaining({ code: ErrorCodes.InputTooLong }),
    );
  });
});
