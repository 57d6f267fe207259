import type { DateTime } from 'luxon';

/*
 * The one way Elevate writes a time for a person (issue 13, defect 9): the time first, then the
 * day, then the zone as the same label everywhere ("15:30 today (CET)", "09:00 tomorrow (GMT+11)",
 * "09:00 on Mon 30 Nov (EST)"), so it reads after "at", "until", "starts" and "ends" alike.
 */

/**
 * Labels already made, by zone, offset and locale: luxon builds a new Intl.DateTimeFormat for every
 * 'ZZZZ' (≈ 0.3 ms, the largest single cost of a `help` turn), while a zone has one label per
 * offset it takes (summer and winter). Bounded: a zone string comes from Teams, not from us.
 */
const labels = new Map<string, string>();
const MAX_LABELS = 2_000;

/** The reader's zone as every time names it: "GMT", "CET", "GMT+11" (at `at`, for summer time). */
export function zoneLabel(zone: string, at: DateTime): string {
  const local = at.setZone(zone);
  if (!local.isValid) return local.toFormat('ZZZZ');
  const key = `${zone}\u0000${local.offset}\u0000${local.locale ?? ''}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = local.toFormat('ZZZZ');
    if (labels.size >= MAX_LABELS) labels.clear();
    labels.set(key, label);
  }
  return label;
}

/** The reader's zone in headers and footers: "Australia/Sydney (GMT+11)", with the label times carry. */
export function zoneName(zone: string, at: DateTime): string {
  const label = zoneLabel(zone, at);
  return label === zone ? zone : `${zone} (${label})`;
}

/** "15:30 today (CET)", "09:00 tomorrow (GMT)", "09:00 on Mon 30 Nov (EST)" in `zone`, relative to `now`. */
export function formatInstant(instant: DateTime, zone: string, now: DateTime): string {
  const local = instant.setZone(zone);
  const today = now.setZone(zone).startOf('day');
  const diffDays = Math.round(local.startOf('day').diff(today, 'days').days);
  const day =
    diffDays === 0
      ? 'today'
      : diffDays === 1
        ? 'tomorrow'
        : diffDays === -1
          ? 'yesterday'
          : local.year === today.year
            ? `on ${local.toFormat('ccc d LLL')}`
            : `on ${local.toFormat('d LLL yyyy')}`;
  return `${local.toFormat('HH:mm')} ${day} (${zoneLabel(zone, local)})`;
}
