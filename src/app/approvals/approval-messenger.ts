import type { NamedPerson } from '../activation/activation-outcome';
import type { ApprovalView } from './approval-record';

/**
 * How the approval use cases reach people (implemented in the Teams adapter): approval cards in
 * approvers' personal chats and the approvals channel, every posted copy remembered so it can be
 * updated in place, and messages to the requester.
 */
export interface ApprovalMessenger {
  /**
   * Posts the approval card to the approver's personal chat (opening the 1:1 chat when Elevate has
   * none yet) and stores the copy. False when they cannot be reached (the app is not installed).
   */
  sendToApprover(view: ApprovalView, approver: NamedPerson): Promise<boolean>;
  /**
   * Posts one shared copy of the card to a channel or group chat (the default approvals channel, or
   * one that said `approvals here`) and stores it. False when Elevate cannot reach that conversation.
   */
  sendToChannel(view: ApprovalView, conversationId: string): Promise<boolean>;
  /** Re-renders every stored copy of the approval card for the view's current state. */
  updateAllCopies(view: ApprovalView): Promise<void>;
  /** Tells the requester how their request ended (approved until T, denied with the reason, expired…). */
  tellRequester(view: ApprovalView): Promise<void>;
  /** Names the approvers who could not be reached, to the requester and in the approvals channel. */
  reportUnreachable(view: ApprovalView, unreachable: NamedPerson[]): Promise<void>;
}

/** Where the approval use cases report failures they survive (a pino logger fits). */
export interface ApprovalLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}
