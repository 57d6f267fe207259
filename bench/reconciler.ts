import { startNode, waitForLine } from './support/processes';
import type { Results } from './support/results';

const SIZES = [1_000, 10_000, 100_000, 1_000_000];
/** A sweep that has not finished by then is reported as missed (keeps the bench under 5 minutes). */
const TIMEOUT_MS: Record<number, number> = {
  1_000: 30_000,
  10_000: 30_000,
  100_000: 45_000,
  1_000_000: 150_000,
};

interface Sweep {
  instances: number;
  scheduled: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

/** One reconcile sweep per size, each in a fresh process, against the paged fake Graph. */
export async function measureReconciler(results: Results): Promise<void> {
  const graph = startNode('bench/servers/fake-graph-pages.js', {});
  const section = 'reconciler sweep';
  try {
    const graphUrl = (await waitForLine(graph, /graph ready (\S+)/))[1];
    let previous: Sweep | undefined;
    for (const size of SIZES) {
      const child = startNode('bench/reconciler-sweep.js', {}, [String(size), graphUrl]);
      let sweep: Sweep | undefined;
      let failure = '';
      try {
        sweep = JSON.parse((await waitForLine(child, /sweep (\{.*\})\n/, TIMEOUT_MS[size]))[1]) as Sweep;
      } catch (error) {
        const said = /sweep failed: (.*)/.exec(child.output())?.[1];
        failure = said ?? (error as Error).message.split('\n')[0];
      } finally {
        await child.stop();
      }
      const n = size.toLocaleString('en-GB');
      const big = size === 1_000_000;
      if (!sweep) {
        results.add({
          section,
          figure: `${n}: wall`,
          value: 'failed',
          unit: '',
          goal: big ? '≤ 60 s' : undefined,
          met: big ? false : undefined,
          note: failure,
        });
        previous = undefined;
        continue;
      }
      if (sweep.instances !== size) failure = `listed ${sweep.instances} of ${size}`;
      results.add({
        section,
        figure: `${n}: wall / CPU`,
        value: `${sweep.wallSeconds.toFixed(2)} / ${sweep.cpuSeconds.toFixed(2)}`,
        unit: 's',
        goal: big ? '≤ 60 s wall' : undefined,
        met: big ? sweep.wallSeconds <= 60 && !failure : undefined,
        note: failure || `${sweep.scheduled} work items scheduled`,
      });
      results.add({
        section,
        figure: `${n}: peak RSS`,
        value: sweep.peakRssMb,
        unit: 'MB',
        goal: big ? '≤ 300 MB' : undefined,
        met: big ? sweep.peakRssMb <= 300 : undefined,
      });
      if (previous) {
        const ratio = sweep.wallSeconds / previous.wallSeconds;
        results.add({
          section,
          figure: `${n}: growth vs ${(size / 10).toLocaleString('en-GB')} (wall, RSS)`,
          value: `${ratio.toFixed(1)} ×, ${(sweep.peakRssMb / previous.peakRssMb).toFixed(1)} ×`,
          unit: '',
          goal: 'linear: wall ≤ 12 × for 10 × the instances',
          met: ratio <= 12,
        });
      }
      previous = sweep;
    }
  } finally {
    await graph.stop();
  }
}
