import { testAuditFlows } from './audit-flow-table';
import { laterFlowRows } from './audit-flow-rows-over-time';

/** Issue 16, what happens over time: each flow leaves the audit entries it should (audit-flow-table.ts). */
testAuditFlows(laterFlowRows);
