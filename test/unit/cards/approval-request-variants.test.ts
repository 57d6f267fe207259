import { objectsOfType, verbsOf, visibleText } from './card-inspection';
import { containerStyles, inputById, variant } from './card-variant-fixture';

/* Card variants: an approval request, pending (for approvers and for everyone else) and decided. */

describe('approval-request states', () => {
  const decided = { decidedBy: 'Megan Bowen', decidedAt: '14:02', decisionReason: 'Matches INC-4211' };

  it('pending: reason box and Approve / Deny with the request ids', () => {
    const card = variant('approval-request', {});
    expect(verbsOf(card)).toEqual(['approve', 'deny']);
    for (const action of objectsOfType(card, 'Action.Execute')) {
      expect(action.data).toEqual(
        expect.objectContaining({ requestId: expect.any(String), approvalId: expect.any(String) }),
      );
    }
    expect(inputById(card, 'reason')).toEqual(expect.objectContaining({ isRequired: true, label: 'Reason' }));
    expect(objectsOfType(card, 'Action.OpenUrl')[0].url).toMatch(/^https:\/\/portal\.azure\.com\//);
  });

  it('pending, shared view for people who do not decide: names the approvers, no buttons or reason box', () => {
    const card = variant('approval-request', { waitingFor: 'Megan Bowen, Dana Schmidt', decidable: false });
    expect(visibleText(card)).toContain('Waiting for a decision by Megan Bowen, Dana Schmidt · expires in');
    expect(visibleText(card)).not.toContain('your decision');
    expect(verbsOf(card)).toEqual([]);
    expect(inputById(card, 'reason')).toBeUndefined();
    expect(objectsOfType(card, 'Action.OpenUrl')).toHaveLength(1);
  });

  it('pending with an optional reason', () => {
    const card = variant('approval-request', { reasonRequired: false });
    expect(inputById(card, 'reason')).toEqual(
      expect.objectContaining({ isRequired: false, label: 'Reason (optional)' }),
    );
  });

  it('shows the requester initials as an avatar, with no image', () => {
    const card = variant('approval-request', {});
    expect(visibleText(card).split('\n')).toContain('AV');
    expect(objectsOfType(card, 'Image')).toEqual([]);
  });

  it.each([
    ['approved', 'Approved by Megan Bowen at 14:02', 'good'],
    ['denied', 'Denied by Megan Bowen at 14:02', 'attention'],
    ['cancelled', 'Cancelled by Adele Vance at 14:02', 'emphasis'],
    ['expired', 'Expired at 14:02 without a decision', 'emphasis'],
  ])('%s: says so, and has no buttons or reason box', (state, says, style) => {
    const card = variant('approval-request', { state, ...decided });
    expect(visibleText(card)).toContain(says);
    expect(containerStyles(card)).toContain(style);
    expect(verbsOf(card)).toEqual([]);
    expect(inputById(card, 'reason')).toBeUndefined();
  });

  it('approved and denied quote the approver reason', () => {
    expect(visibleText(variant('approval-request', { state: 'approved', ...decided }))).toContain(
      '“Matches INC-4211”',
    );
    expect(visibleText(variant('approval-request', { state: 'denied', ...decided }))).toContain(
      '“Matches INC-4211”',
    );
  });

  it('already decided by someone else: who, and when', () => {
    const card = variant('approval-request', { state: 'alreadyDecided', decision: 'approved', ...decided });
    expect(visibleText(card)).toContain('Already approved by Megan Bowen at 14:02');
    expect(verbsOf(card)).toEqual([]);
  });
});
