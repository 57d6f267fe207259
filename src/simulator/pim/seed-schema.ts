import { readFileSync } from 'node:fs';
import { RealismInputSchema, resolveRealism } from './realism';
import { z } from 'zod';
import type { SimulatorSeed } from './seed-types';

/** Validates a seed tenant (directory + PIM part) so a broken seed fails with the field at fault. */
const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const isoDuration = z
  .string()
  .regex(
    /^P(?!$)([0-9]+D)?(T(?=\d)([0-9]+H)?([0-9]+M)?([0-9]+([.][0-9]+)?S)?)?$/,
    'must be an ISO 8601 duration in days/hours/minutes/seconds, e.g. PT8H',
  );
const approver = z.union([z.object({ userId: guid }).strict(), z.object({ groupId: guid }).strict()]);

const SeedSchema = z.object({
  tenant: z.object({ id: guid, displayName: z.string(), domain: z.string() }),
  apps: z.array(
    z.object({
      appId: z.string(),
      displayName: z.string(),
      clientSecret: z.string(),
      redirectUris: z.array(z.string()),
      applicationPermissions: z.array(z.string()),
      delegatedScopes: z.array(z.string()),
    }),
  ),
  users: z.array(
    z.object({
      id: guid,
      displayName: z.string(),
      givenName: z.string(),
      surname: z.string(),
      userPrincipalName: z.string(),
      mail: z.string(),
      password: z.string(),
      timeZone: z.string(),
      jobTitle: z.string().optional(),
    }),
  ),
  groups: z.array(
    z.object({
      id: guid,
      displayName: z.string(),
      isAssignableToRole: z.boolean(),
      pimForGroups: z.boolean().optional(),
      members: z.array(guid),
      /** Owners (a team's owners are its group's owners). */
      owners: z.array(guid).optional(),
    }),
  ),
  /** Teams group chats, for GET /chats/{id}/members (owner = group-chat admin). */
  chats: z
    .array(
      z.object({
        id: z.string().min(1),
        members: z.array(z.object({ userId: guid, roles: z.array(z.enum(['owner', 'guest'])) }).strict()),
      }),
    )
    .optional(),
  administrativeUnits: z.array(z.object({ id: guid, displayName: z.string() })),
  roleDefinitions: z.array(
    z.object({
      id: guid,
      displayName: z.string(),
      description: z.string(),
      isBuiltIn: z.boolean(),
      isEnabled: z.boolean(),
      templateId: guid,
      version: z.string().nullable(),
      resourceScopes: z.array(z.string()).optional(),
      rolePermissions: z.array(
        z.object({ allowedResourceActions: z.array(z.string()), condition: z.string().nullable() }),
      ),
    }),
  ),
  policies: z.array(
    z
      .object({
        roleDefinitionId: guid.optional(),
        groupId: guid.optional(),
        accessId: z.enum(['member', 'owner']).optional(),
        comment: z.string().optional(),
        maximumDuration: isoDuration.optional(),
        enabledRules: z.array(z.enum(['MultiFactorAuthentication', 'Justification', 'Ticketing'])).optional(),
        approval: z
          .object({ approvers: z.array(approver), isApproverJustificationRequired: z.boolean().optional() })
          .optional(),
        authenticationContext: z
          .string()
          .regex(/^c([1-9]|[1-9][0-9])$/, 'must be an authentication context id c1…c99')
          .optional(),
        adminEligibility: z
          .object({ isExpirationRequired: z.boolean(), maximumDuration: isoDuration })
          .optional(),
        adminAssignment: z
          .object({
            isExpirationRequired: z.boolean(),
            maximumDuration: isoDuration,
            enabledRules: z.array(z.string()).optional(),
          })
          .optional(),
      })
      .strict()
      .refine(
        (p) => (p.roleDefinitionId !== undefined) !== (p.groupId !== undefined && p.accessId !== undefined),
        {
          message: 'a policy names either roleDefinitionId, or groupId with accessId',
        },
      ),
  ),
  schedules: z.array(
    z
      .object({
        kind: z.enum(['eligibility', 'assignment']),
        principalId: guid,
        roleDefinitionId: guid.optional(),
        directoryScopeId: z
          .string()
          .regex(
            /^\/(administrativeUnits\/[0-9a-f-]{36}|[0-9a-f-]{36})?$/i,
            "must be '/', '/administrativeUnits/{id}' or '/{objectId}'",
          )
          .optional(),
        groupId: guid.optional(),
        accessId: z.enum(['member', 'owner']).optional(),
        startDateTime: z.string().datetime({ offset: true }).optional(),
        endDateTime: z.string().datetime({ offset: true }).optional(),
        expiresAfter: isoDuration.optional(),
        comment: z.string().optional(),
      })
      .strict()
      .refine((s) => (s.roleDefinitionId !== undefined) !== (s.groupId !== undefined), {
        message: 'a schedule names either roleDefinitionId or groupId',
      }),
  ),
  realism: RealismInputSchema.transform(resolveRealism).optional(),
});

export class SeedError extends Error {}

export function parseSeed(input: unknown, source: string): SimulatorSeed {
  const result = SeedSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SeedError(
      `Seed ${source} is invalid at '${issue.path.join('.') || '(root)'}': ${issue.message} (${result.error.issues.length} problem(s) in total).`,
    );
  }
  return result.data as SimulatorSeed;
}

export function readSeedFile(path: string): SimulatorSeed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedError(`Cannot read seed file '${path}': ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedError(`Seed file '${path}' is not valid JSON: ${(error as Error).message}`);
  }
  return parseSeed(json, `'${path}'`);
}
