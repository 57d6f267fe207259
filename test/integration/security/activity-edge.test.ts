import { randomUUID } from 'node:crypto';
import { seedUsers as u, BOT_ID, useBotHarness } from '../../fixtures/bot-harness';

/**
 * Issue 14, defect 7: malformed activities are answered 400 at the edge, naming the field, and
 * never reach a handler as a TypeError.
 */
const bot = useBotHarness({ env: { LOG_LEVEL: 'info' } });

function base(): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: bot.connector.serviceUrl,
    from: { id: `29:${u.alex.id}`, name: u.alex.displayName, aadObjectId: u.alex.id },
    recipient: { id: BOT_ID, name: 'Elevate' },
    conversation: { id: `a:personal-${u.alex.id}`, conversationType: 'personal', tenantId: bot.tenantId },
    channelData: { tenant: { id: bot.tenantId } },
  };
}

const cases: [string, () => Record<string, unknown>, RegExp][] = [
  [
    'a message without recipient',
    () => {
      const { recipient: _recipient, ...rest } = base();
      return { ...rest, type: 'message', text: 'roles' };
    },
    /recipient: is required/,
  ],
  ['a message whose text is an object', () => ({ ...base(), type: 'message', text: { a: 1 } }), /text: /],
  [
    'an adaptiveCard/action invoke with a null action',
    () => ({ ...base(), type: 'invoke', name: 'adaptiveCard/action', value: { action: null } }),
    /value\.action: /,
  ],
  [
    'an Action.Submit message whose value is a string',
    () => ({ ...base(), type: 'message', value: 'approve' }),
    /value: must be an object/,
  ],
  [
    'a message without conversation',
    () => ({ ...base(), conversation: undefined, type: 'message' }),
    /conversation: is required/,
  ],
  [
    'a message with a relative serviceUrl',
    () => ({ ...base(), serviceUrl: '/x', type: 'message' }),
    /serviceUrl: must be an absolute/,
  ],
];

test.each(cases)('%s is answered 400 naming the field, with no TypeError', async (_name, body, problem) => {
  const before = bot.logs.length;
  const response = await bot.post(body());
  expect(response.status).toBe(400);
  const error = (response.body as { error: { code: string; message: string } }).error;
  expect(error.code).toBe('InvalidActivity');
  expect(error.message).toMatch(problem);
  const logged = bot.logs.slice(before).join('\n');
  expect(logged).not.toMatch(/TypeError|"level":50/);
});

test('a well-formed activity still works', async () => {
  const turn = await bot.say(u.alex, 'help');
  expect(turn.status).toBe(200);
  expect(turn.cards).toHaveLength(1);
});
