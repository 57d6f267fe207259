import { testAuditFlows } from './audit-flow-table';
import { requestFlowRows } from './audit-flow-rows-requests';

/** Issue 16, requests and their answers: each leaves the audit entries it should (audit-flow-table.ts). */
testAuditFlows(requestFlowRows);
