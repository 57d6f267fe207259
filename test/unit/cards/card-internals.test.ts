import { renderCard } from '../../../src/adapters/teams/cards/card-renderer';
import { listCardTemplateNames } from '../../../src/adapters/teams/cards/card-templates-dir';
import { assertNoInternals, findInternals, internalsInText } from '../../fixtures/card-internals';
import { cardsDir, sampleData } from './card-inspection';

/*
 * Issue 13: a person never reads an internal value. The scanner (test/fixtures/card-internals.ts)
 * runs over every card in every integration run (fake connector close()); here it is checked to
 * find what it must, and run over every rendered card sample.
 */

describe('the card-internals scanner', () => {
  test.each([
    ['GUID', 'No active role matches "f2ef992c-1b2c-4d5e-8f90-1234567890ab".'],
    ['ISO 8601 duration', '• Requested: PT2H'],
    ['ISO 8601 duration', 'Minimum P1D'],
    ['ISO timestamp', 'Requested: 2026-12-02T22:00:00.000Z'],
    ['ISO timestamp', 'The start time 2026-12-03 16:11 (Europe/London) is in the past'],
    ['UTC time', 'Ends 22:00 UTC'],
    ['error code', 'Error code JUSTIFICATION_REQUIRED'],
    ['Graph error code', 'request 1, PendingAdminDecision'],
    ['field name', 'Reason: wrongActor'],
    ['raw boolean', '• Required: true'],
    ['placeholder Teams reads as markup', 'Add "because <reason>"'],
    ['empty placeholder', 'Until ${endsAt}'],
  ])('finds a %s in %j', (kind, text) => {
    expect(internalsInText(text).map((f) => f.kind)).toContain(kind);
  });

  test.each([
    'Until 14:15 today (GMT+11)',
    'Activate Exchange Administrator for 2 h, reason "prod mail outage", ticket INC-5521',
    'Details: JUSTIFICATION_REQUIRED · reference 13f0880a-0f9a-43d5-b6ed-ca3345d1a1d7',
    'eDiscovery Manager · Directory',
    'I did not understand "xYz <a> P1D". Here is what I can do:',
    'Try one of: at 9:00, tomorrow 9:00, at 2026-12-01 09:00, in 30m.',
    'Open [the step-up page](https://localhost/step-up/3f0880a1-0f9a-43d5-b6ed-ca3345d1a1d7?x=PT2H)',
  ])('lets %j through', (text) => {
    expect(internalsInText(text)).toEqual([]);
  });

  test('reads card text, fact values and input values, not action data or choice ids', () => {
    const guid = '13f0880a-0f9a-43d5-b6ed-ca3345d1a1d7';
    const card = {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.ChoiceSet',
          id: 'role',
          value: guid,
          choices: [{ title: 'Global Reader', value: guid }],
        },
        { type: 'FactSet', facts: [{ title: 'Duration', value: 'PT2H' }] },
      ],
      actions: [{ type: 'Action.Execute', title: 'Deactivate', verb: 'deactivate', data: { roleId: guid } }],
    };
    expect(findInternals(card).map((f) => f.match)).toEqual(['PT2H']);
  });

  test('throws listing what a person would read, for posts and invoke answers alike', () => {
    const card = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Error code NOT_ACTIVE' }] };
    expect(() =>
      assertNoInternals([
        {
          type: 'message',
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
        },
      ]),
    ).toThrow(/error code "NOT_ACTIVE"/);
    expect(() => assertNoInternals([], [card])).toThrow(/NOT_ACTIVE/);
    expect(() => assertNoInternals([{ type: 'message', text: 'Reason: wrongActor' }])).toThrow(/wrongActor/);
  });
});

describe.each(listCardTemplateNames(cardsDir))('rendered sample of %s', (name) => {
  test('shows no internal value', () => {
    expect(findInternals(renderCard(name, sampleData(name)))).toEqual([]);
  });
});
