import { JsonObject, objectsOfType, verbsOf, visibleText, sampleData } from './card-inspection';
import { variant } from './card-variant-fixture';

/* Card variants: the lists (roles, status, approvals, who holds what, suggestions) and their empty states. */

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
    const card = variant('status', { pending: [], scheduled: [], activating: [], active: [] });
    expect(visibleText(card)).toContain('Nothing pending, scheduled or active.');
    expect(verbsOf(card)).toEqual(['refresh']);
  });

  it('status: an activation still being set up is listed (no button), so the card is not empty', () => {
    const card = variant('status', { pending: [], scheduled: [], active: [] });
    const text = visibleText(card);
    expect(text).not.toContain('Nothing pending');
    expect(text).toContain('Activating (1)');
    expect(text).toContain('Teams Administrator');
    expect(text).toContain('still setting it up');
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
