/** The duration forms Elevate accepts, shown in every "bad duration" message. */
export const ACCEPTED_DURATION_FORMS = [
  '2h',
  '90m',
  '1h30m',
  '1.5h',
  '2 hours',
  '1 hour 30 minutes',
  '1d',
  'PT2H',
];

export const ACCEPTED_DURATION_FORMS_TEXT = ACCEPTED_DURATION_FORMS.join(', ');
