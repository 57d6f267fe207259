import { JsonObject, objectsOfType, verbsOf, visibleText } from './card-inspection';
import { containerStyles, variant } from './card-variant-fixture';

/* Card variants: an activation's and a deactivation's result, in each state. */

describe('activation-result variants', () => {
  const base = { startsAt: '', endsAt: '', requestedAt: '', pendingState: '' };

  // F16: PIM answers Granted and provisions the assignment seconds later; until Elevate sees it,
  // the card says "activating…", never a green "active" the user cannot use yet.
  it('granted, still being provisioned: activating…, with Deactivate', () => {
    const card = variant('activation-result', {
      ...base,
      outcome: 'active',
      endsAt: '15:30 (CET)',
      effective: false,
    });
    const text = visibleText(card);
    expect(text).toContain('SharePoint Administrator is activating…');
    expect(text).not.toContain('is active');
    expect(text).not.toContain('✓');
    expect(text).toContain('Until 15:30 (CET)');
    expect(text).toContain('setting up the assignment, usually within seconds');
    expect(containerStyles(card)).toContain('accent');
    expect(containerStyles(card)).not.toContain('good');
    expect(verbsOf(card)).toEqual(['deactivate']);
  });

  it('active and effective', () => {
    const card = variant('activation-result', {
      ...base,
      outcome: 'active',
      endsAt: '15:30 (CET)',
      effective: true,
    });
    expect(visibleText(card)).toContain('✓ SharePoint Administrator is active');
    expect(visibleText(card)).toContain('Effective now');
    expect(visibleText(card)).not.toContain('activating');
    expect(containerStyles(card)).toContain('good');
  });

  it('scheduled for a later start, cancellable', () => {
    const card = variant('activation-result', {
      ...base,
      outcome: 'scheduled',
      startsAt: 'tomorrow 09:00',
      endsAt: 'tomorrow 11:00',
    });
    expect(visibleText(card)).toContain('Starts tomorrow 09:00, ends tomorrow 11:00');
    expect(verbsOf(card)).toEqual(['cancel']);
  });

  it('pending approval names the approvers and offers Cancel with the request id', () => {
    const card = variant('activation-result', { ...base, outcome: 'pending' });
    expect(visibleText(card)).toContain('Asked: Megan Bowen, Nestor Wilke.');
    const [cancel] = objectsOfType(card, 'Action.Execute');
    expect(cancel).toEqual(
      expect.objectContaining({
        verb: 'cancel',
        data: expect.objectContaining({ requestId: expect.any(String) }),
      }),
    );
  });

  it('already active is information, not an error', () => {
    const card = variant('activation-result', { ...base, outcome: 'alreadyActive', endsAt: '15:30 (CET)' });
    expect(visibleText(card)).toContain('is already active');
    expect(visibleText(card)).toContain('Until 15:30 (CET)');
    expect(containerStyles(card)).toEqual(['accent']);
    expect(verbsOf(card)).toEqual(['deactivate']);
  });

  it('duplicate pending request offers Cancel', () => {
    const card = variant('activation-result', {
      ...base,
      outcome: 'duplicatePending',
      requestedAt: 'today 13:41',
      pendingState: 'waiting for approval',
    });
    expect(visibleText(card)).toContain('You already have a request for SharePoint Administrator');
    expect(visibleText(card)).toContain('sent today 13:41 and is waiting for approval');
    expect(verbsOf(card)).toEqual(['cancel']);
  });

  it('leaves out facts that are empty', () => {
    const card = variant('activation-result', {
      ...base,
      outcome: 'pending',
      ticketNumber: '',
      justification: '',
    });
    const titles = objectsOfType(card, 'FactSet').flatMap((f) =>
      (f.facts as JsonObject[]).map((x) => x.title),
    );
    expect(titles).toEqual(['Role', 'Scope', 'Duration']);
  });
});

describe('deactivation-result variants', () => {
  it('deactivated', () => {
    const card = variant('deactivation-result', { outcome: 'deactivated', endedAt: '14:20 (CET)' });
    expect(visibleText(card)).toContain('Exchange Administrator is deactivated');
    expect(visibleText(card)).toContain('Ended 14:20 (CET)');
  });

  it('refused inside the first 5 minutes says when it becomes possible', () => {
    const card = variant('deactivation-result', {});
    expect(visibleText(card)).toContain('first 5 minutes');
    expect(visibleText(card)).toContain('You can deactivate from 14:07 today (CET), in 3 minutes.');
    expect(containerStyles(card)).toContain('warning');
  });
});
