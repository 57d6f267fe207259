import { COMMAND_CATALOGUE } from '../../../src/domain/commands/catalogue';
import { objectsOfType, visibleText, sampleData } from './card-inspection';
import { variant } from './card-variant-fixture';

/* Card variants: help, error, reminder, eligibility-expiring, verify and the other single cards. */

describe('other cards', () => {
  it('help lists the bot command catalogue as it is', () => {
    const commands = COMMAND_CATALOGUE.map((entry) => ({
      name: entry.name,
      description: entry.description,
      examples: [entry.example, ...(entry.more ?? [])],
    }));
    const text = visibleText(variant('help', { commands }));
    for (const command of COMMAND_CATALOGUE) {
      expect(text).toContain(command.description);
      for (const example of [command.example, ...(command.more ?? [])]) expect(text).toContain(example);
    }
  });

  it('error: the code only on the small Details line, with the reference when there is one', () => {
    expect(visibleText(variant('error', { reference: '' }))).toMatch(/\nDetails: DURATION_TOO_LONG$/);
    expect(visibleText(variant('error', {}))).toContain('Details: DURATION_TOO_LONG · reference 7c1e9f2a');
  });

  it('reminder says before the click whether Extend needs approval', () => {
    expect(visibleText(variant('reminder', {}))).toContain('Extend re-activates the role directly');
    const needsApproval = visibleText(
      variant('reminder', { extendNeedsApproval: true, approvers: 'Megan Bowen or Nestor Wilke' }),
    );
    // Extend on an approval role takes nothing away (the use case answers needsApproval, nothing changed).
    expect(needsApproval).toContain(
      'This role needs approval by Megan Bowen or Nestor Wilke, and PIM takes a new request for it only once this activation has ended',
    );
    expect(needsApproval).not.toMatch(/without the role/);
  });

  it('reminder: Deactivate now does not require the Extend choice', () => {
    const deactivateNow = objectsOfType(variant('reminder', {}), 'Action.Execute').find(
      (a) => a.verb === 'deactivateNow',
    );
    expect(deactivateNow?.associatedInputs).toBe('none');
  });

  it.each([
    ['expired', 'expired at 14:47 (CET), as planned'],
    ['deactivated', 'You deactivated it at 14:47 (CET).'],
    ['elsewhere', 'deactivated outside Elevate'],
  ])('ended (%s)', (how, says) => {
    expect(visibleText(variant('ended', { how }))).toContain(says);
  });

  it('eligibility-expiring: singular day', () => {
    expect(visibleText(variant('eligibility-expiring', { daysLeft: 1 }))).toContain('ends in 1 day');
  });

  it('verify explains MFA', () => {
    const card = variant('verify', { reason: 'mfa' });
    expect(visibleText(card)).toContain('requires multi-factor authentication');
    expect(objectsOfType(card, 'Action.OpenUrl')[0].url).toBe(sampleData('verify').stepUpUrl);
  });

  it.each([
    ['pending', 'Pending approval by Megan Bowen'],
    ['scheduled', 'Scheduled from 13:30 until 15:30 (CET)'],
    ['active', 'Active until 15:30 (CET)'],
    ['ended', 'Ended at 15:10 (active from 13:30)'],
    ['denied', 'Denied at 15:10: the role was never active'],
    ['cancelled', 'Cancelled at 15:10: the role was never active'],
  ])('channel-announcement (%s)', (state, says) => {
    const card = variant('channel-announcement', { state, approvers: ['Megan Bowen'], endedAt: '15:10' });
    expect(visibleText(card)).toContain(says);
  });

  it.each([
    [{ state: 'active', extended: true }, 'Extended: active until 15:30 (CET)'],
    [{ state: 'ended', endedHow: 'expired' }, 'Ended: expired at 15:10 (active from 13:30)'],
    [
      { state: 'ended', endedHow: 'deactivated', endedBy: 'Adele Vance' },
      'Ended: deactivated by Adele Vance at 15:10',
    ],
    [
      { state: 'denied', decidedBy: 'Megan Bowen', decisionReason: 'not in the freeze' },
      'Denied by Megan Bowen at 15:10',
    ],
    [{ state: 'denied', decidedBy: 'Megan Bowen', decisionReason: 'not in the freeze' }, 'not in the freeze'],
  ])('channel-announcement says how it ended or changed (%o)', (data, says) => {
    const card = variant('channel-announcement', { approvers: [], endedAt: '15:10', ...data });
    expect(visibleText(card)).toContain(says);
  });
});
