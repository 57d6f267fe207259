import { COMMAND_CATALOGUE } from '../../../src/domain/commands/catalogue';
import { renderCard } from '../../../src/adapters/teams/cards/card-renderer';
import { AdaptiveCardJson } from '../../../src/adapters/teams/cards/adaptive-card-json';
import {
  adaptiveCardsLibraryErrors,
  allObjects,
  JsonObject,
  objectsOfType,
  sampleData,
  verbsOf,
  visibleText,
} from './card-inspection';

/** Renders `name` with its sample data changed by `overrides`, and checks the card is valid. */
function variant(name: string, overrides: JsonObject): AdaptiveCardJson {
  const card = renderCard(name, { ...sampleData(name), ...overrides });
  expect(adaptiveCardsLibraryErrors(card)).toEqual([]);
  expect(JSON.stringify(card)).not.toContain('${');
  return card;
}

/** Container styles used by the banner(s) of a card. */
function containerStyles(card: AdaptiveCardJson): string[] {
  return objectsOfType(card, 'Container')
    .map((c) => c.style)
    .filter((s): s is string => typeof s === 'string');
}

function inputById(card: AdaptiveCardJson, id: string): JsonObject | undefined {
  return allObjects(card).find(
    (o) => typeof o.type === 'string' && o.type.startsWith('Input.') && o.id === id,
  );
}

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

describe('lists and their empty states', () => {
  it('roles-list: group-inherited and time-bound eligibility are shown', () => {
    const text = visibleText(variant('roles-list', {}));
    expect(text).toContain('via group Tier-1 Operators');
    expect(text).toContain('Eligible until 31 Dec 2026');
    expect(text).toContain('Admin unit: Berlin office · up to 2 hours');
  });

  it('roles-list: quick Activate carries the role and scope', () => {
    const activate = objectsOfType(variant('roles-list', {}), 'Action.Execute').filter(
      (a) => a.verb === 'activate',
    );
    expect(activate.map((a) => a.data)).toEqual(
      (sampleData('roles-list').eligible as JsonObject[]).map((r) => ({
        roleId: r.roleId,
        directoryScopeId: r.directoryScopeId,
        token: r.token,
      })),
    );
  });

  it('roles-list: nothing active and nothing eligible', () => {
    const card = variant('roles-list', { active: [], eligible: [] });
    expect(visibleText(card)).toContain('Nothing is active.');
    expect(visibleText(card)).toContain('You are not eligible for any PIM role.');
    expect(verbsOf(card)).toEqual(['refresh']);
  });

  it('status: nothing at all', () => {
    const card = variant('status', { pending: [], scheduled: [], active: [] });
    expect(visibleText(card)).toContain('Nothing pending, scheduled or active.');
    expect(verbsOf(card)).toEqual(['refresh']);
  });

  it('status: Cancel for pending and scheduled, Deactivate for active', () => {
    expect(verbsOf(variant('status', {}))).toEqual(['cancel', 'cancel', 'deactivate', 'refresh']);
  });

  it('approvals-list: inline Approve / Deny, or Open with a reason box of its own', () => {
    const card = variant('approvals-list', {});
    const showCards = objectsOfType(card, 'Action.ShowCard');
    expect(showCards.map((s) => s.title)).toEqual(['Open']);
    const reasonInput = objectsOfType(card, 'Input.Text')[0];
    expect(reasonInput.id).toBe('reason-8d4f2a61-0c7e-4b8e-9a51-2f6d3c1b7e90');
    const insideOpen = objectsOfType(showCards[0], 'Action.Execute');
    expect(insideOpen.map((a) => (a.data as JsonObject).reasonInputId)).toEqual([
      reasonInput.id,
      reasonInput.id,
    ]);
    expect(verbsOf(card)).toEqual(['approve', 'deny', 'approve', 'deny', 'refresh']);
  });

  it('approvals-list: nothing waiting', () => {
    const card = variant('approvals-list', { items: [] });
    expect(visibleText(card)).toContain('Nothing is waiting for you.');
  });

  it('who-holds-what: an empty board says so and has no role groups', () => {
    const card = variant('who-holds-what', { groups: [] });
    expect(objectsOfType(card, 'ColumnSet')).toEqual([]);
    expect(visibleText(card)).toContain('Nobody holds a privileged role right now.');
  });

  it('who-holds-what: one row per holder under each role, paging buttons only where there is a page', () => {
    const groups = sampleData('who-holds-what').groups as { rows: unknown[] }[];
    const card = variant('who-holds-what', {});
    expect(objectsOfType(card, 'ColumnSet')).toHaveLength(groups.reduce((n, g) => n + g.rows.length, 0));
    expect(visibleText(card)).toContain('Page 1 of 2');
    expect(verbsOf(card)).toEqual(['showBoard', 'showBoard']);
    expect(visibleText(variant('who-holds-what', {}))).toContain('Pending approval');
  });

  it('did-you-mean: no suggestions still offers my roles', () => {
    const card = variant('did-you-mean', { suggestions: [] });
    expect(verbsOf(card)).toEqual(['showRoles']);
    expect(visibleText(card)).toContain('You are not eligible for a role with that name.');
  });

  it('pick-role: one Choose button per candidate', () => {
    expect(verbsOf(variant('pick-role', {}))).toEqual(['pickRole', 'pickRole', 'pickRole']);
  });
});

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
