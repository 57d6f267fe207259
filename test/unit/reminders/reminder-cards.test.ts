import { Duration } from 'luxon';
import { CardActionSigner, roleSubject } from '../../../src/adapters/teams/card-actions/card-action-signer';
import {
  extensionChoices,
  reminderCard,
} from '../../../src/adapters/teams/reminders/reminder-cards.presenter';
import { extendBy } from '../../../src/adapters/teams/reminders/reminder.routes';
import { TestClock } from '../../contract/test-clock';

describe('reminder card', () => {
  it('offers Extend by choices within the policy maximum, the maximum last', () => {
    expect(extensionChoices(Duration.fromObject({ hours: 4 }))).toEqual({
      choices: [
        { title: '30 min', value: 'PT30M' },
        { title: '1 h', value: 'PT1H' },
        { title: '2 h', value: 'PT2H' },
        { title: '4 h (maximum)', value: 'PT4H' },
      ],
      preselected: 'PT1H',
    });
    expect(extensionChoices(Duration.fromObject({ minutes: 45 }))).toEqual({
      choices: [
        { title: '30 min', value: 'PT30M' },
        { title: '45 min (maximum)', value: 'PT45M' },
      ],
      preselected: 'PT45M',
    });
  });

  it('says before the click whether Extend re-activates or needs approval, with signed buttons for the user', () => {
    const clock = new TestClock();
    const signer = new CardActionSigner('a-test-secret-that-is-long-enough-0123456789');
    const ctx = { clock, signer, zone: 'Europe/Berlin', viewerId: 'user-1' };
    const base = {
      roleId: 'role-1',
      directoryScopeId: '/',
      roleName: 'User Administrator',
      scopeName: 'Directory',
      endAt: clock.now().plus({ minutes: 10 }),
      maximum: Duration.fromObject({ hours: 8 }),
    };
    const direct = JSON.stringify(
      reminderCard(ctx, { ...base, needsApproval: false, verify: 'none', approvers: [] }),
    );
    expect(direct).toContain('Extend re-activates the role directly');
    expect(direct).toContain('ends in 10 min');
    expect(direct).toContain('ends at 10:10 today'); // 09:10 UTC in Europe/Berlin
    const approval = JSON.stringify(
      reminderCard(ctx, { ...base, needsApproval: true, verify: 'none', approvers: ['Dana Schmidt'] }),
    );
    expect(approval).toContain('needs approval by Dana Schmidt');
    // A role whose policy wants MFA (or an authentication context) is not re-activated "directly":
    // the card says Extend asks for verification first and takes nothing away meanwhile.
    for (const [verify, check] of [
      ['mfa', 'multi-factor authentication'],
      ['authenticationContext', 'an extra sign-in check'],
    ] as const) {
      const verified = JSON.stringify(
        reminderCard(ctx, { ...base, needsApproval: false, verify, approvers: [] }),
      );
      expect(verified).not.toContain('directly');
      expect(verified).toContain(`Extend asks you to verify it’s you first (${check}`);
      expect(verified).toContain('never taken away while you verify');
    }
    const card = reminderCard(ctx, { ...base, needsApproval: false, verify: 'none', approvers: [] }) as {
      actions: { data: { token: string } }[];
    };
    for (const verb of ['extend', 'deactivateNow']) {
      const check = signer.verify(card.actions[0].data.token, {
        verb,
        subject: roleSubject('role-1', '/'),
        actorId: 'user-1',
        now: clock.now(),
      });
      expect(check.ok).toBe(true);
    }
  });

  it('offers only extensions that keep time left + extension within the policy maximum', () => {
    const clock = new TestClock();
    const signer = new CardActionSigner('a-test-secret-that-is-long-enough-0123456789');
    const ctx = { clock, signer, zone: 'Europe/Berlin', viewerId: 'user-1' };
    const card = reminderCard(ctx, {
      roleId: 'role-1',
      directoryScopeId: '/',
      roleName: 'User Administrator',
      scopeName: 'Directory',
      endAt: clock.now().plus({ minutes: 10 }),
      maximum: Duration.fromObject({ hours: 2 }),
      needsApproval: false,
      verify: 'none',
      approvers: [],
    }) as { body: { id?: string; label?: string; choices?: { title: string; value: string }[] }[] };
    const extendByInput = card.body.find((b) => b.id === 'extendBy')!;
    // 10 minutes left of at most 2 h: the end can move 1 h 50 min later, not 2 h.
    expect(extendByInput.label).toBe('Extend by (up to 1 h 50 min: PIM allows 2 h in all)');
    expect(extendByInput.choices!.map((c) => c.value)).toEqual(['PT30M', 'PT1H', 'PT1H50M']);
  });

  it('refuses an Extend by value that is not an offered duration, saying what is allowed', () => {
    expect(extendBy('PT2H').as('hours')).toBe(2);
    expect(() => extendBy('two hours')).toThrow(
      /must be one of the offered durations \(an ISO 8601 duration such as PT1H\); got "two hours"/,
    );
    expect(() => extendBy(undefined)).toThrow(/got null/);
  });
});
