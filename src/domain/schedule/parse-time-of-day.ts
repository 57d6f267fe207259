export interface TimeOfDay {
  hour: number;
  minute: number;
}

/**
 * Reads a clock time: `9:00`, `09:00`, `21:30`, `9.30`, `9pm`, `9 pm`, `9:30am`, `noon`,
 * `midnight`, or a bare hour `9` (24-hour clock). Returns a problem description when the text
 * looks like a time but is out of range, and undefined when it is not a time at all.
 */
export function parseTimeOfDay(text: string): TimeOfDay | { problem: string } | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'noon' || value === 'midday') return { hour: 12, minute: 0 };
  if (value === 'midnight') return { hour: 0, minute: 0 };
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(value);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.replace(/\./g, '');
  if (minute > 59) return { problem: `minute ${match[2]} is out of range (00-59)` };
  if (meridiem) {
    if (hour < 1 || hour > 12)
      return { problem: `${match[1]}${meridiem} is not a time (use 1-12 with am/pm)` };
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 23) {
    return { problem: `hour ${match[1]} is out of range (0-23)` };
  }
  return { hour, minute };
}
