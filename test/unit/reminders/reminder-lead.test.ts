import { Duration } from 'luxon';
import { createStore } from '../../../src/adapters/store/create-store';
import { ReminderLead } from '../../../src/app/reminders/reminder-lead';
import type { Store } from '../../../src/ports/stores';
import { TestClock } from '../../contract/test-clock';

describe('ReminderLead', () => {
  let store: Store;
  beforeEach(async () => {
    store = await createStore({ sqlitePath: ':memory:', clock: new TestClock() });
  });
  afterEach(() => store.close());

  it('uses the deployment default unless the user chose a lead, and none when they turned reminders off', async () => {
    const lead = new ReminderLead(store.users, Duration.fromObject({ minutes: 20 }));
    expect((await lead.forUser('t', 'unknown'))?.as('minutes')).toBe(20);
    await store.users.upsertProfile({ tenantId: 't', userId: 'u', displayName: 'U' });
    expect((await lead.forUser('t', 'u'))?.as('minutes')).toBe(20);
    await store.users.updatePreferences('t', 'u', { reminderLeadMinutes: 15 });
    expect((await lead.forUser('t', 'u'))?.as('minutes')).toBe(15);
    await store.users.updatePreferences('t', 'u', { reminderLeadMinutes: null });
    expect(await lead.forUser('t', 'u')).toBeNull();
    // "reminders on" stores the built-in 10 minutes, which means "the default" again.
    await store.users.updatePreferences('t', 'u', { reminderLeadMinutes: 10 });
    expect((await lead.forUser('t', 'u'))?.as('minutes')).toBe(20);
  });
});
