/**
 * Dates for the Date operators: "one of the W3C implementations of the ISO 8601 date formats or
 * epoch (UNIX) time" (Condition operators, "Date condition operators").
 */
const W3C =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** Milliseconds since the epoch, or undefined when the text is no date AWS accepts. */
export function parseDate(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : undefined;
  const s = value.trim();
  // Epoch seconds (AWS writes them as integers; a fraction is tolerated).
  if (/^-?\d+(\.\d+)?$/.test(s) && !/^\d{4}$/.test(s)) return Number(s) * 1000;
  const m = W3C.exec(s);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', sec = '00', frac = '', tz] = m;
  // A time without a zone is read as UTC.
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${sec}${frac ? '.' + frac.slice(0, 3).padEnd(3, '0') : ''}${normaliseZone(tz)}`;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

function normaliseZone(tz: string | undefined): string {
  if (!tz || tz === 'Z') return 'Z';
  return tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz;
}
