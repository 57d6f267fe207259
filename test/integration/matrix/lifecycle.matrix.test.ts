import { defineMatrix } from './matrix-suite';

defineMatrix(['extend', 'deactivateEarly', 'deactivateLate', 'reminder', 'scheduledStart']);
