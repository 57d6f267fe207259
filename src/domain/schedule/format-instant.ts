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
/** The label each zone and locale had in the minute it was last asked for. */
const recent = new Map<string, { minute: number; label: string }>();

/** The reader's zone as every time names it: "GMT", "CET", "GMT+11" (at `at`, for summer time). */
export function zoneLabel(zone: string, at: DateTime): string {
  // Moving `at` into the zone asks Intl for the offset (≈ 0.15 ms, the most of a `help` turn's card
  // after the label itself was cached). Offsets change on whole minutes, so the label found for a
  // zone, locale and minute serves every later call in that minute.
  const minute = Math.floor(at.toMillis() / 60_000);
  const recentKey = `${zone}\u0000${at.locale ?? ''}`;
  const recentLabel = recent.get(recentKey);
  if (recentLabel?.minute === minute) return recentLabel.label;
  const local = at.setZone(zone);
  if (!local.isValid) return local.toFormat('ZZZZ');
  const key = `${zone}\u0000${local.offset}\u0000${local.locale ?? ''}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = local.toFormat('ZZZZ');
    if (labels.size >= MAX_LABELS) labels.clear();
    labels.set(key, label);
  }
  if (recent.size >= MAX_LABELS) recent.clear();
  recent.set(recentKey, { minute, label });
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
  const today = now.setZone(zone);
  // Calendar days between the two dates in `zone` (what startOf('day') + diff('days') gave, without
  // luxon's Duration arithmetic: cards format several times each).
  const diffDays = Math.round(
    (Date.UTC(local.year, local.month - 1, local.day) - Date.UTC(today.year, today.month - 1, today.day)) /
      86_400_000,
  );
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
  return `${twoDigits(local.hour)}:${twoDigits(local.minute)} ${day} (${zoneLabel(zone, local)})`;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
