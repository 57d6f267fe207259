/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from the docs and from HTTP responses */
import { exampleSeed } from './example-seed';
import { example, missingFields, schemaErrors } from './example-shape';
import { EXAMPLES_REPLAYED_BY, type ExamplesReplayPart } from './examples-replay-manifest';
import { SimTestClient, users, type GraphResponse } from './sim-test-client';

export const RD = '/v1.0/roleManagement/directory';
export const PG = '/identityGovernance/privilegedAccess/group';

const UPN: Record<string, string> = {
  tutorial: 'tutorial@contoso.example',
  admin: 'role@contoso.example',
  restricted: 'conf@contoso.example',
  group: 'group@contoso.example',
  sam: users.sam.userPrincipalName,
  morgan: users.morgan.userPrincipalName,
  chris: users.chris.userPrincipalName,
  casey: users.casey.userPrincipalName,
};

type Client = Pick<SimTestClient, 'graph' | 'control' | 'userToken' | 'appToken' | 'stepUpToken'>;

export interface ExamplesReplay {
  /** The simulator, seeded with exampleSeed() at 2021-09-01 before the part's first test. */
  c: Client;
  /** A fresh token (the clock jumps across years here, and tokens expire against the simulator clock). */
  token(who: string): Promise<string>;
  /** Sets the simulator clock. */
  at(iso: string): Promise<void>;
  /** Status, schema and the documented response's fields; counts documentedFile as replayed. */
  check(
    res: GraphResponse,
    status: number,
    schema: string,
    documentedFile: string,
    transform?: (doc: any) => any,
  ): void;
  /** Counts a documented request as replayed (one whose response is not documented). */
  cover(documentedFile: string): void;
}

/**
 * One part of the replay of ../shared/graph-pim/examples (INDEX.json) against the simulator, over
 * HTTP with real tokens: its own simulator, and a last test that the part replayed exactly the
 * examples examples-replay-manifest.ts lists for it (examples-replay-coverage.test.ts checks that the
 * lists together cover INDEX.json).
 */
export function describeExamplesReplay(
  title: string,
  part: ExamplesReplayPart,
  tests: (replay: ExamplesReplay) => void,
): void {
  describe(title, () => {
    const covered = new Set<string>();
    let client: SimTestClient | undefined;
    const started = (): SimTestClient => {
      if (!client) throw new Error('describeExamplesReplay: the simulator starts in beforeAll');
      return client;
    };
    const c: Client = {
      graph: (...args) => started().graph(...args),
      control: (...args) => started().control(...args),
      userToken: (...args) => started().userToken(...args),
      appToken: () => started().appToken(),
      stepUpToken: (...args) => started().stepUpToken(...args),
    };
    const at = async (iso: string): Promise<void> => {
      expect((await c.control('POST', '/clock/set', { to: iso })).status).toBe(200);
    };

    beforeAll(async () => {
      client = await SimTestClient.start();
      await at('2021-09-01T00:00:00Z');
      expect((await c.control('POST', '/seed', exampleSeed())).status).toBe(200);
    });
    afterAll(() => client?.close());

    tests({
      c,
      token: (who) => (who === 'app' ? c.appToken() : c.userToken(UPN[who])),
      at,
      check(res, status, schema, documentedFile, transform = (d) => d) {
        covered.add(documentedFile);
        expect({ status: res.status, body: res.body }).toMatchObject({ status });
        expect(schemaErrors(schema, res.body)).toEqual([]);
        expect(missingFields(res.body, transform(example(documentedFile)))).toEqual([]);
      },
      cover: (documentedFile) => void covered.add(documentedFile),
    });

    it(`replayed every example examples-replay-manifest.ts lists for ${part}`, () => {
      expect([...covered].sort()).toEqual([...EXAMPLES_REPLAYED_BY[part]].sort());
    });
  });
}
