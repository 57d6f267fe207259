import { sleep, startNode, waitForLine } from './support/processes';
import { percentile, type Results } from './support/results';

const COUNT = 10_000;
/** Sends a second, enforced by the connector (429 + Retry-After over it) and set as Elevate's pace. */
const RATE = 400;

/**
 * 10,000 reminders due at the same moment, against a connector enforcing RATE sends a second:
 * time to drain and each reminder's lateness, beside the bound the rate sets (COUNT / RATE).
 */
export async function measureReminderBurst(results: Results): Promise<void> {
  const section = `reminder burst (${COUNT.toLocaleString('en-GB')} due at once, ${RATE}/s enforced)`;
  const connector = startNode('bench/servers/connector.js', { CONNECTOR_RATE: String(RATE) });
  let burst;
  try {
    const connectorUrl = (await waitForLine(connector, /connector ready (\S+)/))[1];
    burst = startNode('bench/reminder-burst.js', {}, [connectorUrl, String(RATE), String(COUNT)]);
    const due = Number((await waitForLine(burst, /due (\d+)\n/, 120_000))[1]);
    const bound = COUNT / RATE;
    const deadline = due + Math.max(2 * bound, 60) * 1000;
    const sent: number[] = [];
    let throttled = 0;
    while (sent.length < COUNT && Date.now() < deadline && burst.process.exitCode === null) {
      await sleep(500);
      const log = (await (await fetch(`${connectorUrl}/_log`)).json()) as {
        sends: [string, number][];
        throttled: number;
      };
      for (const [, at] of log.sends) sent.push(at);
      throttled = log.throttled;
    }
    const lateness = sent.map((at) => (at - due) / 1000);
    const drain = sent.length ? Math.max(...lateness) : NaN;
    const complete = sent.length >= COUNT;
    results.add({
      section,
      figure: 'time to drain',
      value: complete
        ? drain
        : `${sent.length} of ${COUNT} sent in ${((Date.now() - due) / 1000).toFixed(0)} s`,
      unit: complete ? `s (bound ${bound.toFixed(1)} s)` : '',
      goal: `≤ ${(bound * 1.05).toFixed(1)} s (bound + 5%)`,
      met: complete && drain <= bound * 1.05,
      note: `${throttled} sends refused with 429 by the connector`,
    });
    results.add({
      section,
      figure: 'lateness p50 / p99',
      value: `${percentile(lateness, 50).toFixed(1)} / ${percentile(lateness, 99).toFixed(1)}`,
      unit: `s (bound ${(0.5 * bound).toFixed(1)} / ${(0.99 * bound).toFixed(1)} s)`,
      goal: 'within 5% of the bound',
      met: complete && percentile(lateness, 99) <= 0.99 * bound * 1.05,
    });
  } finally {
    await burst?.stop();
    await connector.stop();
  }
}
