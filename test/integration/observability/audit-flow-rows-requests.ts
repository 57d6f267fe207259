import { seedUsers as u, type BotHarness } from '../../fixtures/bot-harness';
import { decide, pass, type FlowRow } from './audit-flow-table';

/** The audit table's rows for requests and their answers: activate, refuse, deactivate, approve, deny, cancel, schedule. */
export const requestFlowRows = (bot: BotHarness): FlowRow[] => [
  {
    flow: 'activateNow',
    label: 'activate (no approval): activated, with justification and ticket',
    user: u.taylor,
    run: async (user) =>
      void (await bot.say(user, 'activate global reader for 1h because on call ticket INC-7')),
    expected: ['activation.activated succeeded'],
    last: { roleName: 'Global Reader', scopeName: 'Directory', justification: 'on call', ticket: 'INC-7' },
  },
  {
    flow: 'refused',
    label: 'activate refused locally (duration below the policy minimum)',
    user: u.riley,
    run: async (user) => void (await bot.say(user, 'activate application admin for 2m')),
    expected: ['request.refused refused'],
    last: { reason: expect.stringMatching(/^DURATION_TOO_SHORT/) },
  },
  {
    flow: 'deactivateEarly',
    label: 'deactivate within five minutes of activating: refused, saying why',
    user: u.alex,
    run: async (user) => {
      await bot.say(user, 'activate global reader for 1h because check');
      await bot.say(user, 'deactivate global reader');
    },
    expected: ['activation.activated succeeded', 'request.refused refused'],
    last: { reason: expect.stringMatching(/^DEACTIVATE_TOO_SOON/), roleName: 'Global Reader' },
  },
  {
    flow: 'deactivateLate',
    label: 'activate, then deactivate after five minutes',
    user: u.avery,
    run: async (user) => {
      await bot.say(user, 'activate global reader for 30m because check');
      await bot.advance('PT6M');
      await bot.say(user, 'deactivate global reader');
    },
    expected: ['activation.activated succeeded', 'activation.deactivated succeeded'],
    last: { roleName: 'Global Reader' },
  },
  {
    flow: 'approve',
    label: 'a request that needs approval, approved by the approver in Teams',
    user: u.jordan,
    run: async (user) => {
      await bot.say(user, 'activate user admin for 1h because onboarding ticket INC-11');
      await decide(bot, u.dana, user, 'approve', 'ok for onboarding');
      await pass(bot);
      await bot.advance('PT2M');
      await pass(bot);
    },
    // The reconciler sees the approved request's activation start.
    expected: [
      'activation.requested pending',
      'approval.requested succeeded',
      'approval.decided approved by dana',
      'activation.activated succeeded by system',
    ],
    last: {
      reason: 'active after approval',
      roleName: 'User Administrator',
      justification: 'onboarding',
      ticket: 'INC-11',
      requestId: expect.any(String),
    },
  },
  {
    flow: 'deny',
    label: 'a request denied by the approver in Teams, with the reason',
    user: u.alex,
    run: async (user) => {
      await bot.say(user, 'activate user admin for 1h because cleanup');
      await decide(bot, u.dana, user, 'deny', 'not during the freeze');
    },
    expected: [
      'activation.requested pending',
      'approval.requested succeeded',
      'approval.decided denied by dana',
    ],
    last: { reason: 'not during the freeze' },
  },
  {
    flow: 'cancelPending',
    label: 'a pending request cancelled by the requester',
    user: u.sam,
    run: async (user) => {
      await bot.say(user, 'activate security admin for 1h because incident review');
      await bot.say(user, 'cancel security admin');
    },
    // The request is recorded first, then the asking of its approvers.
    expected: [
      'activation.requested pending',
      'approval.requested succeeded',
      'activation.cancelled succeeded',
    ],
    last: { roleName: 'Security Administrator' },
  },
  {
    flow: 'activateScheduled',
    label: 'an activation for later: scheduled',
    user: u.priya,
    run: async (user) =>
      void (await bot.say(user, 'activate teams admin for 1h tomorrow 9:00 because upgrade')),
    expected: ['activation.scheduled succeeded'],
    last: { roleName: 'Teams Administrator', justification: 'upgrade' },
  },
  {
    flow: 'cancelScheduled',
    label: 'a scheduled activation cancelled before it starts',
    user: u.priya,
    run: async (user) => void (await bot.say(user, 'cancel teams admin')),
    expected: ['activation.cancelled succeeded'],
    last: { roleName: 'Teams Administrator' },
  },
];
