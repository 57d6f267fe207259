export { parseDuration, durationFromMinutes } from './parse-duration';
export { formatDurationForHumans, formatDurationForGraph } from './format-duration';
export { ACCEPTED_DURATION_FORMS, ACCEPTED_DURATION_FORMS_TEXT } from './duration-forms';
