/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { RD, type GraphResponse, type SimTestClient, users } from './sim-test-client';

/** Shared by the activation-* simulator tests: requests, tokens and the policy-error check they all use. */
export function activationHelpers(client: () => SimTestClient) {
  const post = async (token: string, body: unknown): Promise<GraphResponse> =>
    client().graph('POST', `${RD}/roleAssignmentScheduleRequests`, token, body);
  const alex = (): Promise<string> => client().userToken(users.alex.userPrincipalName);
  const policyError = (res: any, rule: string, text: string): void => {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RoleAssignmentRequestPolicyValidationFailed');
    expect(res.body.error.message).toBe(`The following policy rules failed: ${rule} - ${text}`);
  };
  const myInstances = async (token: string): Promise<any[]> =>
    (
      await client().graph(
        'GET',
        `${RD}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`,
        token,
      )
    ).body.value as any[];
  return { post, alex, policyError, myInstances };
}
