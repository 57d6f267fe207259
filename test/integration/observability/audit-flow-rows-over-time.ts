import { findAction, seedUsers as u, type BotHarness } from '../../fixtures/bot-harness';
import { pass, type FlowRow } from './audit-flow-table';

const SECURITY_ADMIN = '194ae4cb-b126-40b2-bd5b-6091b380977d';

/** The audit table's rows for what happens over time: reminders, extending, seen from outside, expiry, scheduled starts, unanswered approvals. */
export const laterFlowRows = (bot: BotHarness): FlowRow[] => [
  {
    flow: 'reminder',
    label: 'the expiry reminder: sent, not an audit entry of its own',
    user: u.priya,
    run: async (user) => {
      await bot.say(user, 'activate exchange admin for 30m because mail flow ticket INC-9');
      await pass(bot);
      await bot.advance('PT21M');
      await pass(bot);
      await bot.waitForCard(bot.conversationId(user), /Exchange Administrator ends in/);
    },
    expected: ['activation.activated succeeded'],
  },
  {
    flow: 'extend',
    label: 'Extend from the reminder: the activation is extended',
    user: u.riley,
    run: async (user) => {
      await bot.say(user, 'activate application admin for 30m');
      await pass(bot);
      await bot.advance('PT21M');
      await pass(bot);
      const reminder = await bot.waitForCard(bot.conversationId(user), /Application Administrator ends in/);
      const data = findAction(reminder.card, 'extend').data;
      await bot.execute(user, 'extend', { ...data, extendBy: 'PT30M' }, { replyToId: reminder.activityId });
    },
    // PIM cannot lengthen a live activation: Extend deactivates and activates again, each audited.
    expected: [
      'activation.activated succeeded',
      'activation.deactivated succeeded',
      'activation.activated succeeded',
      'activation.extended succeeded',
    ],
    last: { roleName: 'Application Administrator' },
  },
  {
    flow: 'observed',
    label: 'an activation made in the Entra portal: seen once by the reconciler',
    user: u.morgan,
    run: async (user) => {
      await bot.control('POST', '/_sim/activations', {
        principalId: user.id,
        roleDefinitionId: SECURITY_ADMIN,
        duration: 'PT1H',
      });
      await pass(bot);
      await bot.advance('PT2M');
      await pass(bot);
      await pass(bot);
    },
    expected: ['activation.observed succeeded by self outside'],
    last: { roleName: 'Security Administrator' },
  },
  {
    flow: 'expired',
    label: 'an activation that runs to its end: expired, seen by the reconciler',
    user: u.casey,
    run: async (user) => {
      await bot.say(user, 'activate group Production Database Operators member for 1h because schema fix');
      await pass(bot);
      await bot.advance('PT61M');
      await pass(bot);
    },
    expected: ['activation.activated succeeded', 'activation.expired succeeded by system'],
    // The reconciler's entry names the group, as Elevate's own entries do (never only its id).
    last: { roleName: expect.stringContaining('Production Database Operators') },
  },
  {
    flow: 'scheduledStart',
    label: 'a scheduled activation whose start comes',
    user: u.jamie,
    run: async (user) => {
      await bot.say(user, 'activate authentication admin for 1h tomorrow 9:00 because audit prep');
      const request = [...bot.sim.state.requests.values()].find((r) => r.principalId === user.id);
      const start = request?.scheduleInfo?.startDateTime;
      if (!start) throw new Error('PIM holds no scheduled request');
      await bot.control('POST', '/_sim/clock/set', { to: start.plus({ minutes: 1 }).toUTC().toISO() });
      await pass(bot);
      await bot.advance('PT2M');
      await pass(bot);
    },
    // The reconciler sees the scheduled activation start.
    expected: ['activation.scheduled succeeded', 'activation.activated succeeded by system'],
    last: { reason: 'its scheduled start came', roleName: 'Authentication Administrator' },
  },
  {
    flow: 'unanswered',
    label: 'a request nobody decides: PIM closes it after 24 hours, denied',
    user: u.avery,
    run: async (user) => {
      await bot.say(user, 'activate compliance admin for 1h because quarterly review');
      await pass(bot);
      await bot.control('POST', '/_sim/clock/advance', { by: 'P1DT5M' });
      await pass(bot);
      await pass(bot);
    },
    // No approver (the Privileged Role and Global Administrators) has a chat with Elevate here and
    // no approvals channel is set, so asking them reached nobody: 'failed', with the reason.
    expected: [
      'activation.requested pending',
      'approval.requested failed',
      'activation.denied denied by system',
    ],
    last: {
      reason: expect.stringMatching(/No approver decided in time/),
      roleName: 'Compliance Administrator',
    },
  },
];
