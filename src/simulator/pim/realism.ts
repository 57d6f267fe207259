import { z } from 'zod';
import type { DateTime } from 'luxon';

/**
 * How long the simulated PIM takes to provision a request and which transient statuses it reports
 * on the way (F16 point 1). Real activations report `Provisioned` after seconds (7–13 s is commonly
 * observed; JustinGrote/JAz.PIM#7 polls "from PendingProvisioning to Provisioned") and answer the POST
 * with a transient status: the documented v1.0 selfActivate response is `Granted`
 * (rbacapplication-post-roleassignmentschedulerequests.md); the documented status set
 * (resources/request.md) adds `PendingScheduleCreation`, `ScheduleCreated` and `PendingProvisioning`.
 * The assignment instance exists only once the request is `Provisioned`.
 */
export const TRANSIENT_STATUSES = [
  'Granted',
  'PendingScheduleCreation',
  'ScheduleCreated',
  'PendingProvisioning',
] as const;

/** Actions whose provisioning can be delayed: those that create a schedule without replacing one. */
export const DELAYABLE_ACTIONS = ['selfActivate', 'adminAssign'] as const;

const ActionProfileSchema = z
  .object({
    /** Seconds from the request to `Provisioned` (0 = at once). */
    delaySeconds: z.number().min(0).max(600),
    /** Statuses reported, in order and evenly spread over the delay, before `Provisioned`. */
    statusPath: z.array(z.enum(TRANSIENT_STATUSES)).min(1).max(8).optional(),
  })
  .strict();

export const RealismSchema = z
  .object(Object.fromEntries(DELAYABLE_ACTIONS.map((a) => [a, ActionProfileSchema.optional()])))
  .strict();

export type ActionProfile = z.infer<typeof ActionProfileSchema>;
export type RealismProfile = Partial<Record<(typeof DELAYABLE_ACTIONS)[number], ActionProfile>>;

const REAL_PATH: ActionProfile['statusPath'] = [
  'Granted',
  'PendingScheduleCreation',
  'ScheduleCreated',
  'PendingProvisioning',
];
const timed = (delaySeconds: number): RealismProfile =>
  Object.fromEntries(DELAYABLE_ACTIONS.map((a) => [a, { delaySeconds, statusPath: REAL_PATH }]));

/** Named profiles: `instant` (tests' default), `demo` (npm start, playground), `real-world` (10 s). */
export const REALISM_PRESETS = {
  instant: {} as RealismProfile,
  demo: timed(3),
  'real-world': timed(10),
} as const;
export type RealismPresetName = keyof typeof REALISM_PRESETS;

export const RealismInputSchema = z.union([
  z.enum(Object.keys(REALISM_PRESETS) as [RealismPresetName, ...RealismPresetName[]]),
  RealismSchema,
]);

/** A preset name or a profile object → the profile. */
export function resolveRealism(input: RealismPresetName | RealismProfile): RealismProfile {
  return typeof input === 'string' ? REALISM_PRESETS[input] : (input as RealismProfile);
}

/** Provisioning still in progress on a request: when it started, when it completes, the path shown. */
export interface Provisioning {
  startedAt: DateTime;
  completesAt: DateTime;
  statusPath: string[];
}

/** The profile of an action, or undefined when it provisions at once. */
export function delayFor(profile: RealismProfile, action: string): ActionProfile | undefined {
  const entry = profile[action as keyof RealismProfile];
  return entry && entry.delaySeconds > 0 ? entry : undefined;
}

/** The transient status shown at `now` (evenly spread over the delay). */
export function transientStatus(p: Provisioning, now: DateTime): string {
  const total = p.completesAt.toMillis() - p.startedAt.toMillis();
  const elapsed = Math.max(0, now.toMillis() - p.startedAt.toMillis());
  const index = Math.min(p.statusPath.length - 1, Math.floor((elapsed / total) * p.statusPath.length));
  return p.statusPath[index];
}
