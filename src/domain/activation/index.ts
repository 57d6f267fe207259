export * from './activation-limits';
export { defaultActivationDuration } from './default-duration';
export {
  validateActivation,
  type ActivationDraft,
  type ActivationValidation,
  type ValidActivation,
  type ValidationContext,
} from './validate-activation';
export { deactivationAllowedAt, canDeactivate, deactivateTooSoon } from './deactivation-window';
export * from './request-status';
export { stepUpDemand, type StepUpDemand, type StepUpReason } from './step-up-claims';
