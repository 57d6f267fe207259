export { parseStartTime, type StartTimeContext } from './parse-start-time';
export { parseTimeOfDay, type TimeOfDay } from './parse-time-of-day';
export { assertTimeZone } from './time-zone';
export { acceptedStartForms } from './start-time-forms';
export { durationUntil, isEndOfShift, type EndTimeContext } from './parse-end-time';
export { formatInstant, zoneLabel, zoneName } from './format-instant';
export { parseUtcInstant } from './utc-instant';
