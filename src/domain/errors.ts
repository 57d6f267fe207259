/**
 * Domain errors carry a stable `code` (safe to branch on, log and test against), a message that
 * says what happened, and a remedy that says what the user can do about it. Adapters translate
 * SDK/HTTP failures into these exactly once.
 */
export const ErrorCodes = {
  // configuration and input
  ConfigInvalid: 'CONFIG_INVALID',
  CommandInvalid: 'COMMAND_INVALID',
  /** A message, role name or other typed value over its size limit (domain/input-limits.ts). */
  InputTooLong: 'INPUT_TOO_LONG',
  /** More roles in one activate/deactivate than MAX_ROLES_PER_REQUEST. */
  TooManyRoles: 'TOO_MANY_ROLES',
  DurationInvalid: 'DURATION_INVALID',
  DurationTooLong: 'DURATION_TOO_LONG',
  DurationTooShort: 'DURATION_TOO_SHORT',
  StartInPast: 'START_IN_PAST',
  StartTimeInvalid: 'START_TIME_INVALID',
  TimeZoneInvalid: 'TIME_ZONE_INVALID',
  JustificationRequired: 'JUSTIFICATION_REQUIRED',
  JustificationTooLong: 'JUSTIFICATION_TOO_LONG',
  TicketRequired: 'TICKET_REQUIRED',
  TicketTooLong: 'TICKET_TOO_LONG',
  RoleNotFound: 'ROLE_NOT_FOUND',
  RoleAmbiguous: 'ROLE_AMBIGUOUS',
  NotEligible: 'NOT_ELIGIBLE',
  // PIM outcomes that are errors
  AlreadyActive: 'ALREADY_ACTIVE',
  PendingRequestExists: 'PENDING_REQUEST_EXISTS',
  NotActive: 'NOT_ACTIVE',
  DeactivateTooSoon: 'DEACTIVATE_TOO_SOON',
  PolicyRuleFailed: 'POLICY_RULE_FAILED',
  MfaRequired: 'MFA_REQUIRED',
  StepUpRequired: 'STEP_UP_REQUIRED',
  NotCancelable: 'NOT_CANCELABLE',
  /** `cancel` when the user has no pending or scheduled request. */
  NothingToCancel: 'NOTHING_TO_CANCEL',
  /** Not a failure: the outcome code shown on the "Cancelled" card. */
  RequestCancelled: 'REQUEST_CANCELLED',
  InvalidScope: 'INVALID_SCOPE',
  // approvals
  ApprovalAlreadyDecided: 'APPROVAL_ALREADY_DECIDED',
  ApprovalNotFound: 'APPROVAL_NOT_FOUND',
  SelfApprovalForbidden: 'SELF_APPROVAL_FORBIDDEN',
  NotAnApprover: 'NOT_AN_APPROVER',
  ApproverReasonRequired: 'APPROVER_REASON_REQUIRED',
  CardActionInvalid: 'CARD_ACTION_INVALID',
  // administration
  /** An admin command (audit, settings) from someone outside the admin group. */
  NotAnAdmin: 'NOT_AN_ADMIN',
  /** No admin group is configured, so nobody can use admin commands. */
  AdminGroupNotSet: 'ADMIN_GROUP_NOT_SET',
  SettingInvalid: 'SETTING_INVALID',
  // platform
  PermissionMissing: 'PERMISSION_MISSING',
  AccessDenied: 'ACCESS_DENIED',
  SignInRequired: 'SIGN_IN_REQUIRED',
  Throttled: 'THROTTLED',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  OutcomeUnknown: 'OUTCOME_UNKNOWN',
  GraphError: 'GRAPH_ERROR',
  StoreConflict: 'STORE_CONFLICT',
  Internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface DomainErrorOptions {
  /** What the user (or admin) can do about it, in one sentence. */
  remedy?: string;
  /** Structured facts for presenters (rule names, allowed values, retry time…). Never secrets. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly remedy?: string;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.remedy = options.remedy;
    this.details = options.details ?? {};
  }
}

export function isDomainError(value: unknown, code?: ErrorCode): value is DomainError {
  return value instanceof DomainError && (code === undefined || value.code === code);
}
