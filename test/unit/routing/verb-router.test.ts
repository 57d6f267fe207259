import { VerbRouter } from '../../../src/app/routing';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';

interface Ctx {
  userId: string;
}
const ctx = { userId: 'u1' };

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

function parseApprove(data: Record<string, unknown>): { requestId: string } {
  if (typeof data.requestId !== 'string' || !data.requestId) {
    throw new DomainError(ErrorCodes.CardActionInvalid, 'The approval card has no request id.');
  }
  return { requestId: data.requestId };
}

function router() {
  return new VerbRouter<Ctx, string>()
    .verb(
      'approve',
      async (data, context, verb) => `${verb}:${data.requestId}:${context.userId}`,
      parseApprove,
    )
    .verb('deny', async (data) => `deny:${String(data.reason ?? '')}`)
    .verb('activate', async (data) => `activate:${Object.keys(data).length}`);
}

describe('VerbRouter', () => {
  it('routes a verb to its handler with typed data and the context', async () => {
    await expect(router().dispatch('approve', { requestId: 'r1' }, ctx)).resolves.toBe('approve:r1:u1');
    await expect(router().dispatch('deny', { reason: 'no ticket' }, ctx)).resolves.toBe('deny:no ticket');
  });

  it('matches verbs case-insensitively and ignores surrounding spaces', async () => {
    await expect(router().dispatch(' Approve ', { requestId: 'r2' }, ctx)).resolves.toBe('approve:r2:u1');
  });

  it('treats missing data as an empty object', async () => {
    await expect(router().dispatch('activate', undefined, ctx)).resolves.toBe('activate:0');
  });

  it('lists the registered verbs', () => {
    expect(router().verbs()).toEqual(['approve', 'deny', 'activate']);
    expect(router().has('DENY')).toBe(true);
    expect(router().has('escalate')).toBe(false);
  });

  it('refuses an unknown verb with CardActionInvalid naming the known ones', async () => {
    const error = await errorOf(router().dispatch('escalate', {}, ctx));
    expect(error.code).toBe(ErrorCodes.CardActionInvalid);
    expect(error.message).toBe(
      'The card action "escalate" is not one I know. Known actions: approve, deny, activate.',
    );
    expect(error.remedy).toContain('out of date');
    expect(error.details).toMatchObject({ verb: 'escalate', known: ['approve', 'deny', 'activate'] });
  });

  it.each([undefined, null, '', '   '])('refuses a missing verb (%j)', async (verb) => {
    const error = await errorOf(router().dispatch(verb, {}, ctx));
    expect(error.code).toBe(ErrorCodes.CardActionInvalid);
    expect(error.message).toBe(
      "The card action has no verb, so I don't know what it should do. Known actions: approve, deny, activate.",
    );
  });

  it.each([
    ['a string', 'string'],
    [['an', 'array'], 'an array'],
    [42, 'number'],
  ])('refuses card data that is not an object (%j)', async (data, kind) => {
    const error = await errorOf(router().dispatch('deny', data, ctx));
    expect(error.code).toBe(ErrorCodes.CardActionInvalid);
    expect(error.message).toBe(`The data of card action "deny" must be an object, not ${kind}.`);
  });

  it("passes on the data parser's error", async () => {
    const error = await errorOf(router().dispatch('approve', { requestId: 7 }, ctx));
    expect(error.message).toBe('The approval card has no request id.');
  });

  it('refuses registering a verb twice or an empty verb', () => {
    const verbs = new VerbRouter<Ctx>().verb('approve', async () => undefined);
    expect(() => verbs.verb('APPROVE', async () => undefined)).toThrow(
      'The card verb "approve" is already registered.',
    );
    expect(() => verbs.verb(' ', async () => undefined)).toThrow('A card verb must not be empty.');
  });
});
