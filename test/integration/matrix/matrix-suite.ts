import { Cell, startMatrixBot, type MatrixBot } from './cell-runner';
import { FLOWS, type Flow } from './flows';
import { knownDefect } from './known-defects';
import { POLICIES, type PolicyBranch } from './policies';
import { SURFACES, type Surface } from './surfaces';

/**
 * Generates one test per cell of flow × policy branch × surface for the given flows, on one
 * simulator + bot per file (the tenant is reloaded between cells). A cell that cannot happen says
 * why in its name and checks that premise; none is skipped.
 */
export const MATRIX_SIZE = FLOWS.length * POLICIES.length * SURFACES.length;

export function cellName(flow: Flow, policy: PolicyBranch, surface: Surface): string {
  const name = `${flow.label} × ${policy.label} × ${surface.label}`;
  const reason = flow.notApplicable(policy);
  return reason ? `${name} — n/a: ${reason}` : name;
}

export function defineMatrix(flowKeys: string[]): void {
  const flows = flowKeys.map((key) => {
    const flow = FLOWS.find((f) => f.key === key);
    if (!flow) throw new Error(`no flow "${key}" in the matrix`);
    return flow;
  });
  const cells = flows.flatMap((flow) =>
    POLICIES.flatMap((policy) => SURFACES.map((surface) => ({ flow, policy, surface }))),
  );
  const applicable = cells.filter((c) => !c.flow.notApplicable(c.policy)).length;

  describe(`flow × policy × surface matrix: ${flows.map((f) => f.label).join(', ')}`, () => {
    let bot: MatrixBot;
    beforeAll(async () => {
      bot = await startMatrixBot();
    }, 60_000);
    afterAll(async () => {
      await bot?.h.close();
      process.stdout.write(
        `flow × policy × surface matrix: ${cells.length} cells here (${applicable} run, ` +
          `${cells.length - applicable} n/a) of ${MATRIX_SIZE} in all ` +
          `(${FLOWS.length} flows × ${POLICIES.length} policy branches × ${SURFACES.length} surfaces)\n`,
      );
    });

    for (const { flow, policy, surface } of cells) {
      const name = cellName(flow, policy, surface);
      const reason = flow.notApplicable(policy);
      if (reason) {
        // The premise of "n/a" is checked, so a change to the seed or the flow cannot hide a cell.
        test(name, () => {
          expect(flow.notApplicable(policy)).toBe(reason);
          if (/approval/.test(reason)) expect(policy.approver).toBeUndefined();
        });
        continue;
      }
      const defect = knownDefect(flow.key, policy.key, surface.key);
      const declare = defect ? test.failing : test;
      declare(
        defect ? `${name} — fails on ${defect}` : name,
        async () => {
          const cell = await Cell.open(bot, policy, surface);
          await flow.run(cell);
        },
        60_000,
      );
    }
  });
}
