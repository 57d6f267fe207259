import { JsonObject, objectsOfType, verbsOf, visibleText, sampleData } from './card-inspection';
import { containerStyles, inputById, variant } from './card-variant-fixture';

/* Card variants: the activation form (required fields, start date, errors, durations, buttons). */

describe('activation-form', () => {
  it('labels justification and ticket required exactly when the policy says so (the bot checks them)', () => {
    const required = variant('activation-form', { justificationRequired: true, ticketRequired: false });
    // Not isRequired on the client: the shown role's rules must not block "Show this role's limits"
    // for another role; a refused submit comes back with the field marked instead.
    expect(inputById(required, 'justification')).toEqual(
      expect.objectContaining({ maxLength: 500, label: 'Justification (required)' }),
    );
    expect(inputById(required, 'justification')?.isRequired).toBeUndefined();
    expect(inputById(required, 'ticketNumber')).toEqual(
      expect.objectContaining({ maxLength: 100, label: 'Ticket number (optional)' }),
    );
    const optional = variant('activation-form', { justificationRequired: false, ticketRequired: true });
    expect(inputById(optional, 'justification')?.label).toBe('Justification (optional)');
    expect(inputById(optional, 'ticketNumber')?.label).toBe('Ticket number (required)');
  });

  // Walked in the local Teams client: a start date typed before today (the date picker's min) blocked
  // Activate without a word, because the client shows an input's failed check only as its errorMessage.
  it('the start date says why a date before today is refused on the client', () => {
    const card = variant('activation-form', { minStartDate: '2026-12-04' });
    expect(inputById(card, 'startDate')).toEqual(
      expect.objectContaining({
        min: '2026-12-04',
        errorMessage: 'The start date can be today or later. Leave it empty to activate now.',
      }),
    );
  });

  it('marks a field at fault with its message right under it, and only that field', () => {
    const card = variant('activation-form', {
      fieldErrors: {
        role: '',
        duration: '',
        justification: '',
        ticket: 'A ticket number is needed.',
        start: '',
      },
    });
    const text = visibleText(card);
    expect(text).toContain('A ticket number is needed.');
    const clean = variant('activation-form', {
      fieldErrors: { role: '', duration: '', justification: '', ticket: '', start: '' },
    });
    expect(visibleText(clean)).not.toContain('A ticket number is needed.');
    expect(JSON.stringify(clean)).not.toContain('"color":"Attention"');
  });

  it("has a Show this role's limits button that reshapes the form (Teams renders no valueChangedAction)", () => {
    expect(verbsOf(variant('activation-form', {}))).toContain('changeFormRole');
  });

  it('offers exactly the durations the presenter computed, with the role maximum in the label', () => {
    const card = variant('activation-form', {});
    const duration = inputById(card, 'duration') as JsonObject;
    expect(duration.choices).toEqual(sampleData('activation-form').durations);
    expect(duration.label).toBe('Duration (5 minutes to 4 hours)');
    expect(duration.value).toBe('PT1H');
  });

  it('shows validation errors only when there are some', () => {
    expect(containerStyles(variant('activation-form', {}))).toContain('attention');
    expect(containerStyles(variant('activation-form', { validationErrors: [] }))).not.toContain('attention');
  });

  it("sends submitActivation and Show this role's limits with the inputs, and My roles without them", () => {
    const actions = objectsOfType(variant('activation-form', {}), 'Action.Execute');
    expect(actions.map((a) => [a.verb, a.associatedInputs])).toEqual([
      ['changeFormRole', undefined],
      ['submitActivation', undefined],
      ['showRoles', 'none'],
    ]);
    for (const id of ['role', 'duration', 'justification', 'ticketNumber', 'startDate', 'startTime']) {
      expect(inputById(variant('activation-form', {}), id)).toBeDefined();
    }
  });
});
