import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  extractClaimsChallenge,
  extractPolicyRules,
  parseGraphErrorBody,
  translateGraphError,
  type GraphOperation,
} from '../../../src/adapters/graph/graph-errors';

// Copies of graph-pim/examples/error-*.json (REFERENCE §7).
const EXAMPLES = join(__dirname, 'fixtures');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const envelope = (code: string, message: string) => JSON.stringify({ error: { code, message } });
const translate = (status: number, body: string, operation: GraphOperation = 'activate') =>
  translateGraphError({ status, body, clientRequestId: 'c-1' }, operation);

describe('Graph error translation (REFERENCE §7)', () => {
  it('unwraps UnknownError bodies whose message is JSON', () => {
    const parsed = parseGraphErrorBody(example('error-permissionscopenotgranted-403.observed.response.json'));
    expect(parsed).toMatchObject({ code: 'PermissionScopeNotGranted', wrapperCode: 'UnknownError' });
  });

  it('reads rule names from both message formats', () => {
    expect(extractPolicyRules('The following policy rules failed: ["ExpirationRule"]')).toEqual([
      'ExpirationRule',
    ]);
    expect(extractPolicyRules('The following policy rules failed: ["MfaRule","ExpirationRule"]')).toEqual([
      'MfaRule',
      'ExpirationRule',
    ]);
    expect(
      extractPolicyRules('The following policy rules failed: JustificationRule - Justification is required'),
    ).toEqual(['JustificationRule']);
  });

  it('extracts and decodes the claims challenge of the wrapped ACRS failure', () => {
    const error = translate(400, example('error-acrs-authcontext-claims-challenge.observed.response.json'));
    expect(error.code).toBe('STEP_UP_REQUIRED');
    expect(error.details.claims).toBe('{"access_token":{"acrs":{"essential":true, "value":"c1"}}}');
    expect(error.details.acrs).toEqual(['c1']);
    expect(error.remedy).toMatch(/Verify/);
  });

  it('extracts the claims challenge of the unwrapped ACRS failure', () => {
    const body = envelope(
      'RoleAssignmentRequestAcrsValidationFailed',
      '&claims=%7B%22access_token%22%3A%7B%22acrs%22%3A%7B%22essential%22%3Atrue%2C%22value%22%3A%22c2%22%7D%7D%7D',
    );
    expect(translate(400, body).details.acrs).toEqual(['c2']);
    expect(extractClaimsChallenge('no challenge here')).toBeUndefined();
  });

  it.each([
    [
      'error-policyvalidation-expirationrule-duration.observed.response.json',
      'DURATION_TOO_LONG',
      ['ExpirationRule'],
    ],
    [
      'error-policyvalidation-expirationrule-permanent.observed.response.json',
      'DURATION_INVALID',
      ['ExpirationRule'],
    ],
    [
      'error-policyvalidation-legacy-array-format.observed.response.json',
      'DURATION_TOO_LONG',
      ['ExpirationRule'],
    ],
  ])('policy failure %s → %s', (file, code, rules) => {
    const error = translate(400, example(file));
    expect(error.code).toBe(code);
    expect(error.details.rules).toEqual(rules);
  });

  it.each([
    ['JustificationRule - Justification is required', 'JUSTIFICATION_REQUIRED'],
    ['TicketingRule - Ticket information is required', 'TICKET_REQUIRED'],
    ['MfaRule - Multi-factor authentication is required', 'MFA_REQUIRED'],
    ['EligibilityRule - no valid eligibility', 'NOT_ELIGIBLE'],
    ['SomeNewRule - text', 'POLICY_RULE_FAILED'],
  ])('policy rule "%s" → %s', (text, code) => {
    const body = envelope(
      'RoleAssignmentRequestPolicyValidationFailed',
      `The following policy rules failed: ${text}`,
    );
    expect(translate(400, body).code).toBe(code);
  });

  it('MFA failure carries a claims request for mfa', () => {
    const body = envelope(
      'RoleAssignmentRequestPolicyValidationFailed',
      'The following policy rules failed: ["MfaRule"]',
    );
    expect(JSON.parse(String(translate(400, body).details.claims))).toMatchObject({
      access_token: { amr: { values: ['mfa'] } },
    });
  });

  it.each([
    ['error-roleassignmentexists.observed.response.json', 400, 'ALREADY_ACTIVE'],
    ['error-roleassignmentdoesnotexist.observed.response.json', 400, 'NOT_ACTIVE'],
    ['error-activedurationtooshort.observed.response.json', 400, 'DEACTIVATE_TOO_SOON'],
    ['error-permissionscopenotgranted-403.observed.response.json', 403, 'PERMISSION_MISSING'],
    ['error-429-toomanyrequests.response.json', 429, 'THROTTLED'],
  ])('%s → %s', (file, status, code) => {
    expect(translate(status, example(file)).code).toBe(code);
  });

  it.each([
    ['PendingRoleAssignmentRequest', 400, 'activate', 'PENDING_REQUEST_EXISTS'],
    ['InvalidScope', 400, 'activate', 'INVALID_SCOPE'],
    ['RoleDefinitionDoesNotExist', 400, 'activate', 'ROLE_NOT_FOUND'],
    ['InvalidAuthenticationToken', 401, 'read', 'SIGN_IN_REQUIRED'],
    ['Authorization_RequestDenied', 403, 'read', 'ACCESS_DENIED'],
    ['BadRequest', 400, 'cancel', 'NOT_CANCELABLE'],
    ['Conflict', 409, 'decideApproval', 'APPROVAL_ALREADY_DECIDED'],
    ['NotFound', 404, 'decideApproval', 'APPROVAL_NOT_FOUND'],
    ['Forbidden', 403, 'decideApproval', 'NOT_AN_APPROVER'],
    ['serviceNotAvailable', 503, 'read', 'SERVICE_UNAVAILABLE'],
    ['InvalidFilter', 400, 'read', 'GRAPH_ERROR'],
  ] as const)('%s (HTTP %i, %s) → %s', (graphCode, status, operation, code) => {
    expect(translate(status, envelope(graphCode, 'text'), operation).code).toBe(code);
  });

  it('scope errors reported as Request_BadRequest are INVALID_SCOPE', () => {
    const body = envelope(
      'Request_BadRequest',
      'The given built-in role is not supported to be assigned to a single resource scope.',
    );
    expect(translate(400, body).code).toBe('INVALID_SCOPE');
  });

  it('self-approval refusals are SELF_APPROVAL_FORBIDDEN', () => {
    const body = envelope('Forbidden', 'Approvers cannot approve their own request.');
    expect(translate(403, body, 'decideApproval').code).toBe('SELF_APPROVAL_FORBIDDEN');
  });

  it('keeps request ids and never echoes the raw body into the message', () => {
    const error = translate(
      400,
      example('error-policyvalidation-expirationrule-duration.observed.response.json'),
    );
    expect(error.details.requestId).toBe('a9b61522-435c-42b3-8172-2722c990b06c');
    expect(error.details.clientRequestId).toBe('c-1');
  });

  it('copes with bodies that are not JSON', () => {
    const error = translate(502, '<html>bad gateway</html>', 'read');
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
