import { createHash } from 'node:crypto';
import { DateTime, Duration } from 'luxon';
import type { RoleKind } from '../../../domain/roles';
import type { Clock } from '../../../ports/clock';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import type { StepUpPageResult } from './step-up-service';

/** How long a Verify link works. */
export const STEP_UP_TTL = Duration.fromObject({ minutes: 10 });

/**
 * Everything needed to finish a step-up and resume the activation by itself. It travels inside
 * the signed state (HMAC, bound to the user, 10-minute expiry, one-time nonce), so any instance
 * can complete it.
 */
export interface StepUpPayload {
  tenantId: string;
  reason: 'mfa' | 'authenticationContext';
  claims: string;
  roleName: string;
  kind?: RoleKind;
  roleId: string;
  directoryScopeId: string;
  duration?: string;
  startAt?: string;
  justification?: string;
  ticket?: string;
  originConversationId?: string;
  /** Set when the step-up is for Extend rather than a plain activation. */
  extend?: boolean;
  /** The card the user pressed; the outcome replaces it in place. */
  cardActivityId?: string;
  /** Set when the step-up is for an approver's decision rather than an activation. */
  decision?: { requestId: string; verdict: 'Approve' | 'Deny'; reason?: string };
}

export function encodePayload(payload: StepUpPayload): string {
  return `stepup:${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
}

export function decodePayload(subject: string): StepUpPayload | undefined {
  if (!subject.startsWith('stepup:')) return undefined;
  try {
    return JSON.parse(
      Buffer.from(subject.slice('stepup:'.length), 'base64url').toString('utf8'),
    ) as StepUpPayload;
  } catch {
    return undefined;
  }
}

export function payloadDuration(payload: StepUpPayload): Duration | undefined {
  return payload.duration ? Duration.fromISO(payload.duration) : undefined;
}

export function payloadStart(payload: StepUpPayload): DateTime | undefined {
  return payload.startAt ? DateTime.fromISO(payload.startAt, { zone: 'utc' }) : undefined;
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function refused(
  status: number,
  title: string,
  message: string,
): { kind: 'refused'; status: number; title: string; message: string } {
  return { kind: 'refused', status, title, message };
}

export function authContextName(claims: string): string {
  const match = /"acrs"\s*:\s*\{[^}]*"value"\s*:\s*"([^"]+)"/.exec(claims);
  // The card says 'authentication context "c1"': the name alone.
  return match ? match[1] : 'multi-factor authentication';
}

/** The page for a Verify link whose one use is spent: what happened now (nothing), and what to do. */
export function alreadyUsedPage(): { kind: 'refused'; status: number; title: string; message: string } {
  return refused(
    409,
    'This link was already used',
    'Each Verify link works once, and this one was used before, so Elevate did nothing this time. ' +
      'If that first use went through, its result is in your Teams chat with Elevate. ' +
      'To try again, send your request again in Teams for a new Verify link.',
  );
}

/** The signed state a step-up page carries: the payload and the person, or the page refusing it. */
export function checkStepUpState(
  deps: { signer: CardActionSigner; clock: Pick<Clock, 'now'> },
  state: unknown,
):
  | { payload: StepUpPayload; userId: string; nonce: string; expiresAt: DateTime }
  | { refused: StepUpPageResult } {
  const now = deps.clock.now();
  const verified = deps.signer.verify(state, { verb: 'stepUp', now });
  if (!verified.ok) {
    return {
      refused:
        verified.reason === 'expired'
          ? refused(
              410,
              'This link has expired',
              'Verify links work for 10 minutes. Go back to Teams and send your request again.',
            )
          : refused(
              400,
              'This link is not valid',
              'The link is incomplete or was changed. Use the Verify button Elevate sent you in Teams.',
            ),
    };
  }
  const claims = verified.claims;
  const payload = decodePayload(claims.subject);
  if (!payload || !claims.actorId) {
    return {
      refused: refused(400, 'This link is not valid', 'Use the Verify button Elevate sent you in Teams.'),
    };
  }
  return { payload, userId: claims.actorId, nonce: claims.nonce, expiresAt: now.plus(STEP_UP_TTL) };
}
