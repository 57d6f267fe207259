import fs from 'node:fs';
import path from 'node:path';
import { AuditActions } from '../../../src/domain/audit/audit-actions';
import type { BotHarness } from '../../fixtures/bot-harness';
import { FLOWS } from '../matrix/flows';
import { laterFlowRows } from './audit-flow-rows-over-time';
import { requestFlowRows } from './audit-flow-rows-requests';

/** The audit table's parts, by the test file that runs each. */
const parts = {
  'audit-flows-requests.test.ts': requestFlowRows,
  'audit-flows-over-time.test.ts': laterFlowRows,
};
// The rows only reach the harness when they run; reading their flows and expectations needs none.
const rows = Object.values(parts).flatMap((part) => part({} as BotHarness));

test('every part of the table is run by its test file', () => {
  for (const [file, part] of Object.entries(parts)) {
    const source = fs.readFileSync(path.join(__dirname, file), 'utf8');
    expect([file, source.includes(`testAuditFlows(${part.name})`)]).toEqual([file, true]);
  }
});

test('the table covers every flow of the matrix and every action the issue names', () => {
  expect(new Set(rows.map((r) => r.label)).size).toBe(rows.length);
  const covered = new Set(rows.map((r) => r.flow));
  expect(FLOWS.map((f) => f.key).filter((key) => !covered.has(key))).toEqual([]);
  const actions = new Set(rows.flatMap((r) => r.expected.map((e) => e.split(' ')[0])));
  for (const action of [
    AuditActions.activationRequested,
    AuditActions.activationActivated,
    AuditActions.activationScheduled,
    AuditActions.activationDenied,
    AuditActions.activationCancelled,
    AuditActions.activationDeactivated,
    AuditActions.activationExpired,
    AuditActions.activationExtended,
    AuditActions.approvalDecided,
    AuditActions.requestRefused,
    AuditActions.activationObserved,
  ]) {
    expect([action, actions.has(action)]).toEqual([action, true]);
  }
});
