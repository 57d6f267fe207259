import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity } from 'botframework-schema';
import { ReusingBotFrameworkAuthentication } from '../../../src/adapters/teams/reusing-bot-framework-authentication';

/** Demo mode's anonymous authentication, wrapped as createCloudAdapter does. */
const auth = () => new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}));
const activity = (serviceUrl: string) =>
  ({ type: 'message', channelId: 'msteams', serviceUrl, id: String(Math.random()) }) as Activity;

describe('ReusingBotFrameworkAuthentication', () => {
  test('incoming activities from one service URL share one connector client and one user token client', async () => {
    const reusing = auth();
    const first = await reusing.authenticateRequest(activity('https://smba.example/emea/'), '');
    const second = await reusing.authenticateRequest(activity('https://smba.example/emea/'), '');
    const a = await first.connectorFactory!.create('https://smba.example/emea/', first.audience);
    const b = await second.connectorFactory!.create('https://smba.example/emea/', second.audience);
    expect(b).toBe(a);
    const tokens = await reusing.createUserTokenClient(first.claimsIdentity);
    expect(await reusing.createUserTokenClient(second.claimsIdentity)).toBe(tokens);
  });

  test('another service URL gets its own client, pointed at that URL', async () => {
    const reusing = auth();
    const result = await reusing.authenticateRequest(activity('https://smba.example/emea/'), '');
    const emea = await result.connectorFactory!.create('https://smba.example/emea/', result.audience);
    const amer = await result.connectorFactory!.create('https://smba.example/amer/', result.audience);
    expect(amer).not.toBe(emea);
    expect((amer as unknown as { baseUri: string }).baseUri).toBe('https://smba.example/amer/');
    expect((emea as unknown as { baseUri: string }).baseUri).toBe('https://smba.example/emea/');
  });

  test('proactive messages (createConnectorFactory) reuse the client incoming activities built', async () => {
    const reusing = auth();
    const result = await reusing.authenticateRequest(activity('https://smba.example/emea/'), '');
    const incoming = await result.connectorFactory!.create('https://smba.example/emea/', result.audience);
    const proactive = await reusing
      .createConnectorFactory(result.claimsIdentity)
      .create('https://smba.example/emea/', result.audience);
    expect(proactive).toBe(incoming);
  });
});
