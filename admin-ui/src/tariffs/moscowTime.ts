/**
 * Tariff dates are Moscow wall-clock times (Europe/Moscow, UTC+03:00 all year since 2014),
 * whatever the browser's time zone is.
 */
export const MOSCOW_OFFSET = '+03:00';
const OFFSET_MS = 3 * 60 * 60 * 1000;

/** The Moscow wall-clock time of an instant as a datetime-local value, "YYYY-MM-DDTHH:mm". */
export function moscowLocal(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** The next Moscow midnight after `now`, as a datetime-local value ("2026-11-27T00:00"). */
export function nextMoscowMidnight(now: Date = new Date()): string {
  const wall = new Date(now.getTime() + OFFSET_MS);
  const next = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + 1));
  return `${next.toISOString().slice(0, 10)}T00:00`;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

/** A datetime-local value read as Moscow time, as ISO-8601 with +03:00; undefined when malformed. */
export function moscowIso(local: string): string | undefined {
  const m = LOCAL.exec(local.trim());
  if (!m) return undefined;
  const iso = `${m[1]}T${m[2]}${m[3] ?? ':00'}${MOSCOW_OFFSET}`;
  return Number.isNaN(new Date(iso).getTime()) ? undefined : iso;
}

const BROWSER_LOCALES: Record<string, string> = { ru: 'ru-RU', en: 'en-GB' };

/** An ISO instant shown in Moscow time in the UI language, e.g. "27.11.2026, 00:00". */
export function formatMoscow(iso: string | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(BROWSER_LOCALES[locale] ?? locale, {
    timeZone: 'Europe/Moscow',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);
}
