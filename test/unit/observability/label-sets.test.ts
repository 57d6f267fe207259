import { WorkKinds } from '../../../src/app/reminders/work-items';
import { closedLabel, WORK_KINDS } from '../../../src/adapters/observability/label-sets';

describe('metric label sets', () => {
  it('every kind of scheduled work is counted under its own name, not as "other"', () => {
    for (const kind of Object.values(WorkKinds)) expect(closedLabel(WORK_KINDS, kind)).toBe(kind);
  });

  it('a value from outside the set is "other", so a caller cannot add a series', () => {
    expect(closedLabel(WORK_KINDS, 'reminder\n{evil="1"}')).toBe('other');
    expect(closedLabel(WORK_KINDS, 42)).toBe('other');
  });
});
