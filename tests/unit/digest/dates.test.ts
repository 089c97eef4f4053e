import { describe, expect, it } from 'vitest';
import { isIsoDate, parseDateLine, resolveDateLine, resolveYearless } from '../../../src/digest/dates.ts';

describe('year-less dates', () => {
  it.each([
    ['Mar 7 captured on 2026-04-17 is this year', 3, 7, '2026-04-17', '2026-03-07'],
    ['a date after the capture day belongs to last year', 12, 30, '2026-04-17', '2025-12-30'],
    ['the capture day itself counts', 4, 17, '2026-04-17', '2026-04-17'],
    ['Feb 29 goes back to the last leap year', 2, 29, '2026-04-17', '2024-02-29'],
  ])('%s', (_name, month, day, reference, expected) => {
    expect(resolveYearless(month, day, reference)).toBe(expected);
  });
});

describe('date lines', () => {
  it.each([
    ['Mar 30, 2017', { month: 3, day: 30, year: 2017, upvotes: null }],
    ['Mar 7', { month: 3, day: 7, year: null, upvotes: null }],
    ['Oct 14, 2025 2', { month: 10, day: 14, year: 2025, upvotes: 2 }],
    ['Mar 10 4', { month: 3, day: 10, year: null, upvotes: 4 }],
    ['  Mar 26 6  ', { month: 3, day: 26, year: null, upvotes: 6 }],
  ])('reads %j', (line, expected) => {
    expect(parseDateLine(line)).toEqual(expected);
  });

  it.each(['', 'Yesterday', 'Foo 3', 'Mar 32', 'Mar', '· Mar 3'])('refuses %j', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });

  it('places a year-less date by the capture date and refuses impossible ones', () => {
    expect(resolveDateLine(parseDateLine('Mar 10 4')!, '2026-04-17')).toBe('2026-03-10');
    expect(resolveDateLine(parseDateLine('Feb 30, 2024')!, '2026-04-17')).toBeNull();
  });

  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-2')).toBe(false);
  });
});
