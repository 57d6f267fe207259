import type { DateTime, Duration } from 'luxon';
import type { DomainError } from '../../domain/errors';
import type { ActivationRules, EligibleRole } from '../../domain/roles';

export interface NamedPerson {
  id: string;
  displayName: string;
}

/** What happened to one role of an activate command. Presenters turn each into a card. */
export type ActivationOutcome =
  | {
      kind: 'activated';
      role: EligibleRole;
      requestId: string;
      startAt: DateTime;
      until: DateTime;
      duration: Duration;
    }
  | {
      kind: 'scheduled';
      role: EligibleRole;
      requestId: string;
      startAt: DateTime;
      until: DateTime;
      duration: Duration;
    }
  | {
      kind: 'pendingApproval';
      role: EligibleRole;
      requestId: string;
      approvers: NamedPerson[];
      duration: Duration;
      startAt?: DateTime;
    }
  | { kind: 'alreadyActive'; role: EligibleRole; until?: DateTime }
  | { kind: 'duplicatePending'; role: EligibleRole; requestId?: string; requestedAt?: DateTime }
  | {
      kind: 'stepUpRequired';
      role: EligibleRole;
      reason: 'mfa' | 'authenticationContext';
      claims: string;
      error: DomainError;
    }
  | { kind: 'invalid'; role: EligibleRole; rules: ActivationRules; errors: DomainError[] }
  | { kind: 'ambiguous'; query: string; candidates: EligibleRole[] }
  | { kind: 'notFound'; query: string; suggestions: EligibleRole[] }
  | { kind: 'failed'; role: EligibleRole; error: DomainError };

export type ActivationOutcomeKind = ActivationOutcome['kind'];
