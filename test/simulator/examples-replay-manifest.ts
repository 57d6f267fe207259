/**
 * Which documented examples (../shared/graph-pim/examples) each examples-replay-* test replays: each
 * part checks that it replayed exactly its list, and examples-replay-coverage.test.ts that the lists
 * together cover INDEX.json. A request file counts as replayed when its response file is listed.
 */
export const EXAMPLES_REPLAYED_BY = {
  directoryRequests: [
    'post-roleassignmentschedulerequests-selfactivate-tutorial.response.json',
    'post-roleeligibilityschedulerequests-adminassign.response.json',
    'post-roleassignmentschedulerequests-adminassign.response.json',
    'get-roleassignmentschedulerequest-select-expand.response.json',
    'post-roleassignmentschedulerequests-adminextend.response.json',
    'post-roleassignmentschedulerequests-selfactivate.response.json',
    'get-roleassignmentschedulerequests-filterbycurrentuser-principal.response.json',
    'get-roleassignmentscheduleinstances-filterbycurrentuser-principal.response.json',
    'get-roleeligibilityscheduleinstances-filterbycurrentuser-principal.response.json',
    'get-roleeligibilityschedules-filterbycurrentuser-principal.response.json',
    'post-roleeligibilityschedulerequests-adminremove.response.json',
    'post-roleeligibilityschedulerequests-adminremove-tutorial.response.json',
  ],
  policies: [
    'get-roleassignmentscheduleinstances.response.json',
    'get-roledefinitions-directory.response.json',
    'get-rolemanagementpolicyassignments-directory.response.json',
    'get-rolemanagementpolicyassignments-directoryrole-expand-policy-rules.response.json',
    'get-rolemanagementpolicyassignments-group-owner-expand-policy-rules.response.json',
    'patch-rolemanagementpolicyrule-expiration-enduser-assignment.request.json',
    'patch-rolemanagementpolicyrule-expiration-admin-eligibility.request.json',
    'patch-rolemanagementpolicyrule-enablement-enduser-assignment.request.json',
    'patch-rolemanagementpolicyrule-approval-enduser-assignment.request.json',
  ],
  approvals: [
    'get-roleassignmentschedulerequests-filterbycurrentuser-approver-pendingapproval.response.json',
    'get-roleassignmentapprovals-beta.response.json',
    'get-approval-beta-steps.response.json',
    'get-approval-beta-list-steps.response.json',
    'patch-roleassignmentapprovals-step-beta.request.json',
    'post-privilegedaccessgroup-assignmentschedulerequests-selfactivate.response.json',
    'get-privilegedaccessgroup-assignmentschedulerequests-filterbycurrentuser-principal.response.json',
    'get-assignmentapprovals-filterbycurrentuser-approver-beta-group.response.json',
    'get-approval-v1-stages.response.json',
    'patch-approvalstage-decision.request.json',
  ],
  errors: [
    'error-roleassignmentexists.observed.response.json',
    'error-activedurationtooshort.observed.response.json',
    'error-roleassignmentdoesnotexist.observed.response.json',
    'error-policyvalidation-expirationrule-duration.observed.response.json',
    'error-policyvalidation-legacy-array-format.observed.response.json',
    'error-policyvalidation-expirationrule-permanent.observed.response.json',
    'error-permissionscopenotgranted-403.observed.response.json',
    'error-acrs-authcontext-claims-challenge.observed.response.json',
    'error-429-toomanyrequests.response.json',
    'error-envelope-generic.response.json',
  ],
} as const satisfies Record<string, readonly string[]>;

export type ExamplesReplayPart = keyof typeof EXAMPLES_REPLAYED_BY;
