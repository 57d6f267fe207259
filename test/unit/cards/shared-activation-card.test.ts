import sample from '../../../cards/activation-result.data.json';
import { cardText, cardActions } from '../../fixtures/bot-harness';
import { renderCard } from '../../../src/adapters/teams/cards/card-renderer';
import {
  sharedCopy,
  type OwnActivationCard,
} from '../../../src/adapters/teams/presenters/shared-activation-card';

/*
 * Issue 13, defect 7: the copy of an activation card a whole channel reads names whose request it
 * is, speaks of them rather than to the reader, and has none of their buttons; their own card
 * (what their Teams client shows them) keeps its wording and buttons.
 */

const base: OwnActivationCard = {
  ...(sample as OwnActivationCard),
  outcome: 'pending',
  startsAt: '10:00 tomorrow (GMT)',
  endsAt: '12:00 tomorrow (GMT)',
  requestedAt: '09:00 today (GMT)',
  pendingState: 'waiting for approval or its start time',
};

const outcomes: { outcome: OwnActivationCard['outcome']; shared: string; own: string }[] = [
  {
    outcome: 'pending',
    shared: 'Priya Natarajan gets a message as soon',
    own: 'You will get a message as soon',
  },
  {
    outcome: 'scheduled',
    shared: 'Priya Natarajan gets a message then.',
    own: 'you will get a message then.',
  },
  {
    outcome: 'alreadyActive',
    shared: 'Nothing to do: Priya Natarajan already holds this role.',
    own: 'you already hold',
  },
  {
    outcome: 'duplicatePending',
    shared: 'Priya Natarajan already has a request for',
    own: 'You already have a request for',
  },
  {
    outcome: 'active',
    shared: 'SharePoint Administrator is activating…',
    own: 'SharePoint Administrator is activating…',
  },
];

test.each(outcomes)(
  '$outcome: the shared copy speaks of the holder and has no buttons',
  ({ outcome, shared, own }) => {
    const data = { ...base, outcome };
    const everyone = sharedCopy(data, 'Priya Natarajan');
    expect(cardText(everyone)).toContain("Priya Natarajan's request");
    expect(cardText(everyone)).toContain(shared);
    expect(cardText(everyone)).not.toMatch(/\byou\b/i);
    expect(cardActions(everyone).map((a) => a.verb)).toEqual([]);
    const mine = renderCard('activation-result', data);
    expect(cardText(mine)).toContain(own);
    expect(cardText(mine)).not.toContain("Priya Natarajan's request");
    expect(cardActions(mine).length).toBeGreaterThan(0);
  },
);
