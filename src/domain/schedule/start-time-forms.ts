import type { DateTime } from 'luxon';

/**
 * The start-time forms Elevate accepts, shown in every "bad start time" message. The dated example
 * is tomorrow's date in the reader's time zone, so the hint never suggests a time in the past.
 */
export function acceptedStartForms(now: DateTime, zone: string): string[] {
  const tomorrow = now.setZone(zone).plus({ days: 1 }).toISODate();
  return [
    'at 9:00',
    'at 21:30',
    'at 9pm',
    'tomorrow 9:00',
    'tomorrow at 9am',
    `at ${tomorrow} 09:00`,
    'in 30m',
  ];
}
