const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date part of an ISO timestamp such as `2024-05-24T17:34:15.000Z`, or null. */
export function datePart(timestamp: unknown): string | null {
  if (typeof timestamp !== 'string') return null;
  const day = timestamp.slice(0, 10);
  return isIsoDate(day) ? day : null;
}

export function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index === -1 ? null : index + 1;
}

/**
 * A month and day with no year belong to the latest such date on or before `reference`
 * (YYYY-MM-DD): `Mar 7` captured on 2026-04-17 is 2026-03-07; `Dec 30` is 2025-12-30.
 */
export function resolveYearless(month: number, day: number, reference: string): string | null {
  const referenceYear = Number(reference.slice(0, 4));
  for (let year = referenceYear; year > referenceYear - 8; year--) {
    const candidate = isoDate(year, month, day);
    if (isIsoDate(candidate) && candidate <= reference) return candidate;
  }
  return null;
}

/** A Daily Papers date line: `Mar 30, 2017`, `Mar 7`, either with a trailing upvote count. */
export interface DateLine {
  month: number;
  day: number;
  year: number | null;
  upvotes: number | null;
}

const DATE_LINE = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:, (\d{4}))?(?: (\d+))?$/;

export function parseDateLine(line: string): DateLine | null {
  const match = DATE_LINE.exec(line.trim().replace(/\s+/g, ' '));
  if (!match) return null;
  const month = monthNumber(match[1]!);
  if (month === null || !MONTHS.some((m) => match[1]!.toLowerCase().startsWith(m))) return null;
  const day = Number(match[2]);
  if (day < 1 || day > 31) return null;
  return {
    month,
    day,
    year: match[3] ? Number(match[3]) : null,
    upvotes: match[4] ? Number(match[4]) : null,
  };
}

/** Turns a date line into YYYY-MM-DD, placing a year-less date by the capture date. */
export function resolveDateLine(date: DateLine, captured: string): string | null {
  if (date.year !== null) {
    const value = isoDate(date.year, date.month, date.day);
    return isIsoDate(value) ? value : null;
  }
  return resolveYearless(date.month, date.day, captured);
}
