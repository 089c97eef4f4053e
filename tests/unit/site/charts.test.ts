import { describe, expect, it } from 'vitest';
import { columnChart, countByPeriod, horizontalBarChart, niceStep, niceTicks, shortLabel, upvoteHistogram } from '../../../src/site/charts.ts';

describe('axis ticks', () => {
  it.each([
    [0, 1],
    [1, 1],
    [4, 1],
    [7, 2],
    [37, 10],
    [120, 50],
    [1000, 500],
  ])('max %d → step %d', (max, step) => {
    expect(niceStep(max)).toBe(step);
  });

  it.each([
    [0, [0, 1]],
    [4, [0, 1, 2, 3, 4]],
    [37, [0, 10, 20, 30, 40]],
    [40, [0, 10, 20, 30, 40]],
  ])('max %d → ticks %j', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });
});

describe('horizontal bars', () => {
  const chart = horizontalBarChart(
    [
      { label: 'Video', value: 40 },
      { label: 'A topic with a name far too long to fit beside its bar', value: 10 },
      { label: 'Empty', value: 0 },
    ],
    { width: 600, labelWidth: 200, valueWidth: 40, rowHeight: 20, barHeight: 10, charWidth: 8 },
  );

  it('scales the longest bar to the plot width and the others in proportion', () => {
    expect(chart.bars.map((bar) => bar.width)).toEqual([360, 90, 0]);
    expect(chart.barX).toBe(200);
  });

  it('stacks one row per datum, each bar centred in its row', () => {
    expect(chart.height).toBe(60);
    expect(chart.bars.map((bar) => bar.y)).toEqual([5, 25, 45]);
    expect(chart.bars.map((bar) => bar.textY)).toEqual([14, 34, 54]);
  });

  it('shortens labels that would not fit, and keeps the full label for the table', () => {
    expect(chart.bars[1]!.shortLabel).toBe('A topic with a name far…');
    expect(chart.bars[1]!.label).toBe('A topic with a name far too long to fit beside its bar');
  });

  it('has a height for an empty chart', () => {
    expect(horizontalBarChart([]).height).toBeGreaterThan(0);
  });
});

describe('columns', () => {
  const margin = { top: 10, right: 10, bottom: 30, left: 40 };
  const chart = columnChart(
    [
      { label: 'a', value: 2 },
      { label: 'b', value: 4 },
      { label: 'c', value: 0 },
      { label: 'd', value: 1 },
    ],
    { width: 250, height: 140, margin, gap: 2, labelWidth: 100 },
  );

  it('splits the plot into equal slots and scales heights to the top tick', () => {
    expect(chart.plot).toEqual({ left: 40, top: 10, width: 200, height: 100 });
    expect(chart.columns.map((column) => [column.x, column.width])).toEqual([
      [41, 48],
      [91, 48],
      [141, 48],
      [191, 48],
    ]);
    expect(chart.columns.map((column) => column.height)).toEqual([50, 100, 0, 25]);
    expect(chart.columns.every((column) => column.y + column.height === 110)).toBe(true);
  });

  it('labels only every few columns, so labels never overlap', () => {
    expect(chart.columns.map((column) => column.labelled)).toEqual([true, false, true, false]);
  });

  it('places ticks from the baseline up', () => {
    expect(chart.ticks.map((tick) => [tick.value, tick.y])).toEqual([
      [0, 110],
      [1, 85],
      [2, 60],
      [3, 35],
      [4, 10],
    ]);
  });
});

describe('counting', () => {
  it('counts per month, empty months included', () => {
    expect(countByPeriod(['2025-12-29', '2026-02-06', '2026-02-07'])).toEqual({
      unit: 'month',
      data: [
        { label: '2025-12', value: 1 },
        { label: '2026-01', value: 0 },
        { label: '2026-02', value: 2 },
      ],
    });
  });

  it('counts per year over a long span', () => {
    expect(countByPeriod(['2001-05-01', '2003-01-01', '2003-12-31'], 24)).toEqual({
      unit: 'year',
      data: [
        { label: '2001', value: 1 },
        { label: '2002', value: 0 },
        { label: '2003', value: 2 },
      ],
    });
  });

  it('has nothing to count without dates', () => {
    expect(countByPeriod([]).data).toEqual([]);
  });

  it('buckets upvotes up to the highest count', () => {
    expect(upvoteHistogram([0, 1, 4, 5, 9, 24, 10])).toEqual([
      { label: '0', value: 1 },
      { label: '1–4', value: 2 },
      { label: '5–9', value: 2 },
      { label: '10–24', value: 2 },
    ]);
    expect(upvoteHistogram([2000]).at(-1)).toEqual({ label: '1,000+', value: 1 });
    expect(upvoteHistogram([])).toEqual([]);
  });

  it('shortens labels by characters, not code units', () => {
    expect(shortLabel('😀😀😀😀', 3)).toBe('😀😀…');
    expect(shortLabel('short', 10)).toBe('short');
  });
});
