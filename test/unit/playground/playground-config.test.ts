import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { SeedDirectory } from '../../../src/simulator/directory-types';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}
interface PlaygroundConfig {
  version: string;
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: Array<{ id: string; name: string }> };
}

const config = parse(
  fs.readFileSync(path.join(ROOT, '.m365agentsplayground.yml'), 'utf8'),
) as PlaygroundConfig;
const seed = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'src', 'simulator', 'seed', 'demo-tenant.json'), 'utf8'),
) as SeedDirectory;

describe('.m365agentsplayground.yml', () => {
  it('uses the config format the playground reads (0.1.1, with its spelling of userPrincipleName)', () => {
    expect(config.version).toBe('0.1.1');
    expect(Object.keys(config).sort()).toEqual(
      ['bot', 'currentUser', 'groupChat', 'personalChat', 'team', 'tenantId', 'users', 'version'].sort(),
    );
    for (const user of [config.currentUser, ...config.users]) {
      expect(Object.keys(user).sort()).toEqual(
        ['aadObjectId', 'email', 'givenName', 'id', 'name', 'surname', 'userPrincipleName'].sort(),
      );
    }
  });

  it('respects the playground limits: exactly 5 other users, one extra channel, unique ids', () => {
    expect(config.users).toHaveLength(5);
    expect(config.team.channels.length).toBeLessThanOrEqual(1);
    const userIds = [config.currentUser.id, ...config.users.map((u) => u.id)];
    expect(new Set(userIds).size).toBe(userIds.length);
    const conversationIds = [
      config.personalChat.id,
      config.groupChat.id,
      config.team.id,
      ...config.team.channels.map((c) => c.id),
    ];
    expect(new Set(conversationIds).size).toBe(conversationIds.length);
    expect(config.bot.name.length).toBeLessThanOrEqual(42);
  });

  it('is in the seed tenant, talking to the demo bot', () => {
    expect(config.tenantId).toBe(seed.tenant.id);
    expect(config.bot).toEqual({ id: `28:${seed.apps[0].appId}`, name: 'Elevate' });
  });

  it('acts as Alex Morgan, the seed tenant demo user', () => {
    const alex = seed.users.find((u) => u.displayName === 'Alex Morgan');
    expect(alex).toBeDefined();
    expect(config.currentUser.id).toBe(alex?.id);
  });

  it.each([0, 1, 2, 3, 4, 5])('user #%i exists in the seed with the same id, name and email', (index) => {
    const user = [config.currentUser, ...config.users][index];
    const seeded = seed.users.find((u) => u.id === user.id);
    expect(seeded).toBeDefined();
    expect(user).toEqual({
      id: seeded?.id,
      aadObjectId: seeded?.id,
      name: seeded?.displayName,
      userPrincipleName: seeded?.userPrincipalName,
      givenName: seeded?.givenName,
      surname: seeded?.surname,
      email: seeded?.mail,
    });
  });

  it('includes an approver for each approval journey it can show', () => {
    const ids = new Set([config.currentUser.id, ...config.users.map((u) => u.id)]);
    const byName = (name: string) => seed.users.find((u) => u.displayName === name)?.id;
    const securityApprovers = seed.groups.find((g) => g.displayName === 'Security Approvers');
    // Jordan Lee's User Administrator activation is approved by Dana Schmidt.
    expect(ids.has(byName('Jordan Lee') ?? '')).toBe(true);
    expect(ids.has(byName('Dana Schmidt') ?? '')).toBe(true);
    // Sam Okafor and Morgan Yu approve each other's Security Administrator activation.
    expect(securityApprovers?.members.filter((id) => ids.has(id))).toHaveLength(2);
  });

  it('has the Contoso Ops team with an Incidents channel (General is implicit)', () => {
    expect(config.team.name).toBe('Contoso Ops');
    expect(config.team.channels.map((c) => c.name)).toEqual(['Incidents']);
    expect(config.team.aadGroupId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const id of [config.team.id, ...config.team.channels.map((c) => c.id), config.groupChat.id]) {
      expect(id).toMatch(/^19:[\w.-]+@thread\.(tacv2|v2)$/);
    }
  });
});
