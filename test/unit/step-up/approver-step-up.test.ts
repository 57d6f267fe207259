import type { EffectiveCardFollowUp } from '../../../src/adapters/teams/follow-ups/effective-card.follow-up';
import type { ExtendActivationUseCase } from '../../../src/app/reminders/extend-activation.use-case';
import { DateTime } from 'luxon';
import pino from 'pino';
import type { ActivateRolesUseCase } from '../../../src/app/activation/activate-roles.use-case';
import { CardActionSigner } from '../../../src/adapters/teams/card-actions/card-action-signer';
import type { ProactiveMessenger } from '../../../src/adapters/teams/proactive/proactive-messenger';
import { StepUpService, type DecisionResumer } from '../../../src/adapters/teams/step-up/step-up-service';
import type { TeamsTurn } from '../../../src/adapters/teams/teams-turn';
import type { OneTimeKeyRepository } from '../../../src/ports/one-time-keys';
import type { CardCopyRepository, ConversationRepository, UserRepository } from '../../../src/ports/stores';
import type { TokenProvider } from '../../../src/ports/token-provider';

const DANA = '0d8b9967-e192-4fc1-b1a9-af3904e16f7a';
const TENANT = '5f1c0c8e-7a2b-4d7e-9a61-2c4b8f0e3d21';
const CLAIMS = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';

/** Fakes at the edges: the token service, the store and the Teams connector. */
function setup(resumeDecision?: DecisionResumer) {
  const now = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });
  const clock = { now: () => now, sleep: async () => undefined };
  const redeemed: { code: string; claims: string; codeVerifier?: string }[] = [];
  const tokens: TokenProvider = {
    appOnlyToken: async () => 'app-token',
    onBehalfOf: async () => 'obo-token',
    stepUpUrl: async (r) =>
      `https://login.example/authorize?claims=${encodeURIComponent(r.claims)}&state=${r.state}`,
    redeemStepUpCode: async (r) => {
      redeemed.push(r);
      return { userId: r.userId, accessToken: 'stepped-up-token' };
    },
  };
  const used = new Set<string>();
  const oneTimeKeys: OneTimeKeyRepository = {
    consume: async (key) => !used.has(key) && Boolean(used.add(key)),
    isUsed: async (key) => used.has(key),
    release: async (key) => void used.delete(key),
  };
  const reference = { conversation: { id: 'a:dana-personal' }, serviceUrl: 'http://127.0.0.1/' };
  const conversations = {
    getForConversation: async (id: string) =>
      id === 'a:dana-personal'
        ? { conversationId: id, tenantId: TENANT, serviceUrl: '', reference, updatedAt: now }
        : null,
    getForUser: async () => null,
  } as unknown as ConversationRepository;
  const users = {
    get: async () => ({ displayName: 'Dana Schmidt', timeZone: 'Europe/Berlin' }),
  } as unknown as UserRepository;
  const posted: unknown[] = [];
  const messenger = {
    send: async (_ref: unknown, content: unknown) => void posted.push(content),
  } as unknown as ProactiveMessenger;
  const service = new StepUpService({
    publicBaseUrl: 'http://127.0.0.1:3978',
    signer: new CardActionSigner('x'.repeat(40)),
    secret: 'x'.repeat(40),
    clock,
    tokens,
    oneTimeKeys,
    activate: {} as ActivateRolesUseCase,
    extend: {} as ExtendActivationUseCase,
    effective: {} as EffectiveCardFollowUp,
    cardCopies: {} as CardCopyRepository,
    resumeDecision,
    users,
    conversations,
    messenger,
    logger: pino({ level: 'silent' }),
  });
  const turn = { conversationId: 'a:dana-personal', conversationKind: 'personal' } as TeamsTurn;
  const actor = {
    tenantId: TENANT,
    userId: DANA,
    displayName: 'Dana Schmidt',
    timeZone: 'Europe/Berlin',
    delegated: { userId: DANA, accessToken: async () => 'obo-token' },
  };
  return { service, turn, actor, redeemed, posted };
}

function stateOf(card: unknown): string {
  const url = /"url":"([^"]+)"/.exec(JSON.stringify(card))?.[1] ?? '';
  return decodeURIComponent(new URL(url).searchParams.get('state') ?? '');
}

describe('step-up for an approver’s decision', () => {
  it('verifies, then sends the same decision with the stepped-up token and posts the outcome once', async () => {
    const decisions: unknown[] = [];
    const { service, turn, actor, redeemed, posted } = setup(async (who, decision) => {
      decisions.push({ userId: who.userId, token: await who.delegated.accessToken(), ...decision });
      return {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'Approved by Dana Schmidt' }],
      };
    });
    const card = await service.startDecision(turn, actor, {
      reason: 'authenticationContext',
      claims: CLAIMS,
      roleName: 'User Administrator',
      requestId: 'req-1',
      verdict: 'Approve',
      justification: 'on call',
    });
    // The approver verifies to approve someone's request, not to activate the role themselves.
    expect(JSON.stringify(card)).toContain("Verify it's you to approve the request for User Administrator");
    const state = stateOf(card);

    const begin = await service.begin(state);
    expect(begin).toEqual({ kind: 'redirect', url: expect.stringContaining(encodeURIComponent(CLAIMS)) });

    const done = await service.complete({ state, code: 'auth-code' });
    expect(done).toMatchObject({ kind: 'done', message: expect.stringContaining('recording your decision') });
    await new Promise((resolve) => setImmediate(resolve));
    expect(redeemed).toEqual([expect.objectContaining({ code: 'auth-code', claims: CLAIMS })]);
    expect(decisions).toEqual([
      { userId: DANA, token: 'stepped-up-token', requestId: 'req-1', verdict: 'Approve', reason: 'on call' },
    ]);
    expect(JSON.stringify(posted)).toContain('Approved by Dana Schmidt');

    const replay = await service.complete({ state, code: 'auth-code' });
    expect(replay).toMatchObject({ kind: 'refused', status: 409 });
    expect(decisions).toHaveLength(1);
  });

  it('a changed state is refused before anything is sent', async () => {
    const { service, turn, actor } = setup();
    const card = await service.startDecision(turn, actor, {
      reason: 'mfa',
      claims: CLAIMS,
      roleName: 'User Administrator',
      requestId: 'req-1',
      verdict: 'Deny',
    });
    const state = stateOf(card);
    const tampered = `${state.slice(0, 10)}A${state.slice(11)}`;
    expect(await service.begin(tampered)).toMatchObject({ kind: 'refused', status: 400 });
  });
});
