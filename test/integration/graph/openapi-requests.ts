import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { GraphHttpOptions } from '../../../src/adapters/graph/graph-http';
import { sendHttp } from '../../../src/adapters/graph/http-transport';
import openapi from '../../../src/simulator/schema/openapi-subset.json';

/** A request the adapter sent, as captured from its transport. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

interface Operation {
  method: string;
  path: string;
  versions: string[];
  requestBodySchema?: string;
}

const SCHEMA_ID = 'openapi-subset';
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openapi as object, SCHEMA_ID);

const operations = (openapi as unknown as { 'x-pim-operations': Operation[] })['x-pim-operations'].map(
  (op) => ({
    ...op,
    pattern: new RegExp(
      `^${op.path
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\\\(on='\{on\}'\\\)/g, "\\(on='(principal|approver)'\\)")
        .replace(/\{[^}]+\}/g, '[^/]+')}$`,
    ),
  }),
);

/** Create-request bodies with their required fields (components.requestBodies). */
const createBodies: [RegExp, string][] = [
  [
    /^\/roleManagement\/directory\/roleAssignmentScheduleRequests$/,
    'createUnifiedRoleAssignmentScheduleRequest',
  ],
  [
    /^\/roleManagement\/directory\/roleEligibilityScheduleRequests$/,
    'createUnifiedRoleEligibilityScheduleRequest',
  ],
  [
    /^\/identityGovernance\/privilegedAccess\/group\/assignmentScheduleRequests$/,
    'createPrivilegedAccessGroupAssignmentScheduleRequest',
  ],
  [
    /^\/identityGovernance\/privilegedAccess\/group\/eligibilityScheduleRequests$/,
    'createPrivilegedAccessGroupEligibilityScheduleRequest',
  ],
  [/\/(steps|stages)\/[^/]+$/, 'approvalDecision'],
];

/** Reads the bot needs that openapi-subset.json does not list as operations (directory reads; see below). */
const DIRECTORY_READS = [
  /^\/users\/[^/]+$/,
  /^\/users$/,
  /^\/users\/[^/]+\/transitiveMemberOf$/,
  /^\/groups\/[^/]+$/,
  /^\/groups$/,
  /^\/groups\/[^/]+\/members$/,
  /^\/directory\/administrativeUnits\/[^/]+$/,
  // REFERENCE §1.2 lists the PIM for Groups instance collections, but the subset only carries
  // their filterByCurrentUser functions; the reconciler's tenant-wide group list uses the collection.
  /^\/identityGovernance\/privilegedAccess\/group\/assignmentScheduleInstances$/,
];

const validators = new Map<string, ValidateFunction>();
function validator(pointer: string): ValidateFunction {
  let fn = validators.get(pointer);
  if (!fn) {
    fn = ajv.compile({ $ref: `${SCHEMA_ID}${pointer}` });
    validators.set(pointer, fn);
  }
  return fn;
}

/** Problems with one request against openapi-subset.json; empty when it conforms. */
export function openApiProblems(request: SentRequest, graphBaseUrl: string): string[] {
  const url = new URL(request.url);
  const rest = decodeURIComponent(
    url.pathname.slice(new URL(graphBaseUrl).pathname.replace(/\/$/, '').length),
  );
  const [, version, ...segments] = rest.split('/');
  const path = `/${segments.join('/')}`;
  const label = `${request.method} /${version}${path}`;
  if (request.method === 'GET' && DIRECTORY_READS.some((re) => re.test(path))) return [];
  const op = operations.find((o) => o.method === request.method && o.pattern.test(path));
  const create = createBodies.find(([re]) => re.test(path));
  if (!op && !(request.method === 'POST' && create))
    return [`${label}: not an operation of openapi-subset.json`];
  if (op && !op.versions.includes(version)) return [`${label}: operation not available in ${version}`];
  if (request.body === undefined || request.body === '') return [];
  const body: unknown = JSON.parse(request.body);
  const pointers = [
    ...(op?.requestBodySchema ? [op.requestBodySchema] : []),
    ...(create ? [`#/components/requestBodies/${create[1]}/content/application~1json/schema`] : []),
  ];
  const problems: string[] = [];
  for (const pointer of pointers) {
    const validate = validator(pointer);
    if (!validate(body)) problems.push(`${label} vs ${pointer}: ${ajv.errorsText(validate.errors)}`);
  }
  return problems;
}

/**
 * Records every request the Graph adapter sends to Graph (/v1.0, /beta) on the base URL: a
 * transport for GraphHttp that notes the request and hands it to the real one (it still goes out).
 */
export function captureGraphRequests(graphBaseUrl: string): {
  sent: SentRequest[];
  transport: NonNullable<GraphHttpOptions['transport']>;
  /** fetch, for requests the test itself makes (never captured). */
  uncaptured: typeof fetch;
} {
  const sent: SentRequest[] = [];
  const transport: NonNullable<GraphHttpOptions['transport']> = (url, request) => {
    const path = url.href.startsWith(graphBaseUrl) ? url.pathname : '';
    if (path.startsWith('/v1.0/') || path.startsWith('/beta/')) {
      sent.push({
        method: request.method.toUpperCase(),
        url: url.href,
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
        body: request.body,
      });
    }
    return sendHttp(url, request);
  };
  return { sent, transport, uncaptured: fetch };
}
