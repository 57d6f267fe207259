import { defineMatrix } from './matrix-suite';

defineMatrix(['activateNow', 'activateScheduled', 'cancelPending', 'cancelScheduled', 'approve', 'deny']);
