import type { Duration } from 'luxon';

function split(duration: Duration): { days: number; hours: number; minutes: number } {
  const total = Math.round(duration.as('minutes'));
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** For people: `1 h 30 min`, `45 min`, `1 day 2 h`, `3 days`. */
export function formatDurationForHumans(duration: Duration): string {
  const { days, hours, minutes } = split(duration);
  const parts: string[] = [];
  if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours) parts.push(`${hours} h`);
  if (minutes || parts.length === 0) parts.push(`${minutes} min`);
  return parts.join(' ');
}

/** For Graph: ISO 8601 with days, hours and minutes only (`PT1H30M`, `P1D`, `P1DT2H`, `PT0M`). */
export function formatDurationForGraph(duration: Duration): string {
  const { days, hours, minutes } = split(duration);
  const date = days ? `${days}D` : '';
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
  if (!date && !time) return 'PT0M';
  return `P${date}${time ? `T${time}` : ''}`;
}
