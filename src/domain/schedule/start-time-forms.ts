/** The start-time forms Elevate accepts, shown in every "bad start time" message. */
export const ACCEPTED_START_FORMS = [
  'at 9:00',
  'at 21:30',
  'at 9pm',
  'tomorrow 9:00',
  'tomorrow at 9am',
  'at 2026-12-01 09:00',
  'in 30m',
];

export const ACCEPTED_START_FORMS_TEXT = ACCEPTED_START_FORMS.join(', ');
