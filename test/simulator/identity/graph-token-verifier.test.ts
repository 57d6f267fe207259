import { Duration } from 'luxon';
import jwt from 'jsonwebtoken';
import { generateKeyPairSync } from 'node:crypto';
import { SimulatorAuthError } from '../../../src/simulator/identity/types';
import {
  ALEX,
  APP_ID,
  APP_SECRET,
  TENANT_ID,
  claimsOf,
  postForm,
  startIdentityServer,
  tokenUrl,
  type IdentityHarness,
} from './harness';

describe('Graph access token verifier', () => {
  let h: IdentityHarness;
  beforeAll(async () => {
    h = await startIdentityServer();
  });
  afterAll(() => h.close());
  afterEach(() => h.clock.reset());

  const rejection = async (token: string): Promise<SimulatorAuthError> => {
    try {
      await h.identity.verifier.verifyGraphToken(token);
    } catch (err) {
      expect(err).toBeInstanceOf(SimulatorAuthError);
      return err as SimulatorAuthError;
    }
    throw new Error('the token was accepted');
  };

  it('turns a delegated token from the password grant into a delegated CallerIdentity', async () => {
    const res = await postForm(tokenUrl(h), {
      grant_type: 'password',
      client_id: APP_ID,
      username: ALEX.upn,
      password: ALEX.password,
      scope: 'https://graph.microsoft.com/.default',
    });
    const caller = await h.identity.verifier.verifyGraphToken(`Bearer ${String(res.body.access_token)}`);
    expect(caller).toMatchObject({
      kind: 'delegated',
      tenantId: TENANT_ID,
      appId: APP_ID,
      oid: ALEX.id,
      roles: [],
      amr: ['pwd'],
      acrs: [],
    });
    expect(caller.scopes).toContain('RoleAssignmentSchedule.ReadWrite.Directory');
  });

  it('turns a client-credentials token into an app CallerIdentity without oid', async () => {
    const res = await postForm(tokenUrl(h), {
      grant_type: 'client_credentials',
      client_id: APP_ID,
      client_secret: APP_SECRET,
      scope: 'https://graph.microsoft.com/.default',
    });
    const caller = await h.identity.verifier.verifyGraphToken(String(res.body.access_token));
    expect(caller).toMatchObject({ kind: 'app', appId: APP_ID, scopes: [], amr: [], acrs: [] });
    expect(caller.oid).toBeUndefined();
    expect(caller.roles).toContain('RoleManagement.Read.Directory');
  });

  it('carries amr and acrs through', async () => {
    const token = await h.identity.issueTokenForTests({
      userId: ALEX.id,
      amr: ['pwd', 'mfa'],
      acrs: ['c1'],
      scopes: ['User.Read'],
    });
    expect(await h.identity.verifier.verifyGraphToken(token)).toMatchObject({
      amr: ['pwd', 'mfa'],
      acrs: ['c1'],
      scopes: ['User.Read'],
    });
  });

  it('accepts the Graph app id as audience', async () => {
    const token = await h.identity.issueTokenForTests({
      userId: ALEX.id,
      audience: '00000003-0000-0000-c000-000000000000',
    });
    expect((await h.identity.verifier.verifyGraphToken(token)).oid).toBe(ALEX.id);
  });

  it('refuses a token expired by the SimClock with 401 InvalidAuthenticationToken', async () => {
    const token = await h.identity.issueTokenForTests({ userId: ALEX.id });
    h.clock.advance(Duration.fromObject({ minutes: 61 }));
    const err = await rejection(token);
    expect(err).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(err.message).toMatch(/Lifetime validation failed, the token is expired/);
  });

  it('refuses a token not yet valid by the SimClock', async () => {
    h.clock.advance(Duration.fromObject({ hours: 2 }));
    const token = await h.identity.issueTokenForTests({ userId: ALEX.id });
    h.clock.reset();
    expect((await rejection(token)).message).toMatch(/not yet valid/);
  });

  it('refuses a token for another audience', async () => {
    const token = await h.identity.issueTokenForTests({ userId: ALEX.id, audience: `api://botid-${APP_ID}` });
    expect((await rejection(token)).message).toMatch(/Invalid audience/);
  });

  it('refuses an empty, a malformed, a tampered and a foreign-signed token', async () => {
    expect((await rejection('')).message).toBe('Access token is empty.');
    expect((await rejection('not-a-jwt')).message).toMatch(/^IDX14100/);
    const good = await h.identity.issueTokenForTests({ userId: ALEX.id });
    const [head, , sig] = good.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...claimsOf(good), scp: 'Directory.ReadWrite.All' }),
    ).toString('base64url');
    expect((await rejection(`${head}.${forged}.${sig}`)).message).toMatch(/signature/i);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = (jwt.decode(good, { complete: true })?.header.kid ?? '') as string;
    const foreign = jwt.sign(claimsOf(good), privateKey, { algorithm: 'RS256', keyid: kid });
    expect((await rejection(foreign)).message).toMatch(/signature/i);
  });

  it('refuses a token whose issuer is another tenant', async () => {
    const botToken = await postForm(tokenUrl(h, 'botframework.com'), {
      grant_type: 'client_credentials',
      client_id: APP_ID,
      client_secret: APP_SECRET,
      scope: 'https://api.botframework.com/.default',
    });
    expect((await rejection(String(botToken.body.access_token))).message).toMatch(
      /Invalid (issuer|audience)/,
    );
  });

  it('issueTokenForTests explains bad options', async () => {
    await expect(h.identity.issueTokenForTests({ userId: 'nobody' })).rejects.toThrow(/no user 'nobody'/);
    await expect(h.identity.issueTokenForTests({ appId: 'nope' })).rejects.toThrow(/no app 'nope'/);
    await expect(h.identity.issueTokenForTests({ userId: ALEX.id, roles: ['x'] })).rejects.toThrow(
      /roles belong to app-only/,
    );
    await expect(h.identity.issueTokenForTests({ scopes: ['User.Read'] })).rejects.toThrow(/pass userId/);
  });
});
