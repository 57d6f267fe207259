import { openApiProblems } from './openapi-requests';
import type { Harness } from './harness';

/** After a test file: every request conformed to openapi-subset.json, and no secret reached a log line. */
export function assertCleanRun(h: Harness): void {
  const problems = h.requests.sent.flatMap((request) => openApiProblems(request, h.sim.graphBaseUrl));
  expect(problems).toEqual([]);
  expect(h.requests.sent.length).toBeGreaterThan(0);
  for (const request of h.requests.sent)
    expect(request.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const secrets = h.secrets.map((s) => (s.includes('.') ? s.split('.')[2] : s)).filter(Boolean);
  for (const line of h.logLines) {
    for (const secret of secrets) expect(line).not.toContain(secret);
    expect(line.toLowerCase()).not.toContain('bearer ');
  }
}
