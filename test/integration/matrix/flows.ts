import type { PolicyBranch } from './policies';
import type { Cell } from './cell-runner';
import {
  activateNow,
  activateScheduled,
  approve,
  cancelPending,
  cancelScheduled,
  deactivateAfterFive,
  deactivateBeforeFive,
  deny,
  extendFromReminder,
  reminderFires,
  scheduledStartFires,
} from './flow-runs';

/** The flows of the matrix: what the user does, and when it does not apply to a policy branch. */
export interface Flow {
  key: string;
  label: string;
  /** Why the flow cannot happen under this policy, or undefined when it can. */
  notApplicable(policy: PolicyBranch): string | undefined;
  run(cell: Cell): Promise<void>;
}

const needsApproval = (policy: PolicyBranch) => (policy.approver ? undefined : 'policy needs no approval');

const always = () => undefined;

export const FLOWS: Flow[] = [
  { key: 'activateNow', label: 'activate now', notApplicable: always, run: activateNow },
  { key: 'activateScheduled', label: 'activate scheduled', notApplicable: always, run: activateScheduled },
  { key: 'extend', label: 'extend from reminder', notApplicable: always, run: extendFromReminder },
  {
    key: 'deactivateEarly',
    label: 'deactivate before 5 min',
    notApplicable: always,
    run: deactivateBeforeFive,
  },
  { key: 'deactivateLate', label: 'deactivate after 5 min', notApplicable: always, run: deactivateAfterFive },
  {
    key: 'cancelPending',
    label: 'cancel pending',
    notApplicable: (p) => needsApproval(p) && `${needsApproval(p)}, so nothing stays pending`,
    run: cancelPending,
  },
  { key: 'cancelScheduled', label: 'cancel scheduled', notApplicable: always, run: cancelScheduled },
  { key: 'approve', label: 'approve', notApplicable: needsApproval, run: approve },
  { key: 'deny', label: 'deny with reason', notApplicable: needsApproval, run: deny },
  { key: 'reminder', label: 'reminder fires', notApplicable: always, run: reminderFires },
  { key: 'scheduledStart', label: 'scheduled start fires', notApplicable: always, run: scheduledStartFires },
];
