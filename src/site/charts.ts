/**
 * The stats page's charts: counting, and the geometry of SVG bar and column charts. Pure numbers
 * in, coordinates out; the components only draw them, so no chart needs a script.
 */
import { formatNumber } from './format.ts';

export interface Datum {
  label: string;
  value: number;
  /** A shorter label for a chart axis (`Apr 2026` for `April 2026`); the table shows `label`. */
  axisLabel?: string;
}

/** A step of 1, 2 or 5 × 10ⁿ that splits `0..max` into about `target` whole-number intervals. */
export function niceStep(max: number, target = 4): number {
  if (max <= 0) return 1;
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
  return Math.max(1, Math.round(step));
}

/** Axis ticks from 0 up to the first multiple of the step at or above `max`. */
export function niceTicks(max: number, target = 4): number[] {
  const step = niceStep(max, target);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let value = 0; value <= top; value += step) ticks.push(value);
  return ticks;
}

/** A label cut to `max` characters with an ellipsis, for an SVG axis (the table has it whole). */
export function shortLabel(label: string, max: number): string {
  const characters = Array.from(label);
  return characters.length <= max ? label : `${characters.slice(0, max - 1).join('').trimEnd()}…`;
}

export interface HorizontalBar extends Datum {
  /** The shortened label drawn in the chart. */
  shortLabel: string;
  y: number;
  width: number;
  /** Baseline of the row's label and value text. */
  textY: number;
}

export interface HorizontalBarChart {
  width: number;
  height: number;
  /** Where bars start; labels are right-aligned just before it. */
  barX: number;
  barHeight: number;
  bars: HorizontalBar[];
}

export interface HorizontalBarOptions {
  width?: number;
  labelWidth?: number;
  valueWidth?: number;
  rowHeight?: number;
  barHeight?: number;
  /** Average glyph width in px, to shorten labels that would not fit. */
  charWidth?: number;
}

/** One row per datum: the bar's length is proportional to its value, the longest fills the plot. */
export function horizontalBarChart(data: readonly Datum[], options: HorizontalBarOptions = {}): HorizontalBarChart {
  const { width = 640, labelWidth = 220, valueWidth = 56, rowHeight = 24, barHeight = 16, charWidth = 7 } = options;
  const plotWidth = width - labelWidth - valueWidth;
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const bars = data.map((datum, index) => ({
    ...datum,
    shortLabel: shortLabel(datum.axisLabel ?? datum.label, Math.floor((labelWidth - 8) / charWidth)),
    y: index * rowHeight + (rowHeight - barHeight) / 2,
    width: round((datum.value / max) * plotWidth),
    textY: index * rowHeight + rowHeight / 2 + 4,
  }));
  return { width, height: Math.max(rowHeight, data.length * rowHeight), barX: labelWidth, barHeight, bars };
}

export interface Column extends Datum {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Whether the x-axis shows this column's label (every few, so they never overlap). */
  labelled: boolean;
}

export interface ColumnChart {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  columns: Column[];
  ticks: { value: number; label: string; y: number }[];
}

export interface ColumnOptions {
  width?: number;
  height?: number;
  margin?: { top: number; right: number; bottom: number; left: number };
  gap?: number;
  /** Horizontal room one x-axis label needs, in px. */
  labelWidth?: number;
}

/** Vertical columns over a category axis, with a y axis of nice whole-number ticks. */
export function columnChart(data: readonly Datum[], options: ColumnOptions = {}): ColumnChart {
  const { width = 640, height = 260, margin = { top: 12, right: 32, bottom: 36, left: 44 }, gap = 2, labelWidth = 60 } = options;
  const plot = { left: margin.left, top: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const ticks = niceTicks(Math.max(0, ...data.map((datum) => datum.value)));
  const top = ticks.at(-1)!;
  const slot = data.length > 0 ? plot.width / data.length : plot.width;
  const labelEvery = Math.max(1, Math.ceil(labelWidth / slot));
  const columns = data.map((datum, index) => {
    const columnHeight = round((datum.value / top) * plot.height);
    return {
      ...datum,
      x: round(plot.left + index * slot + gap / 2),
      y: round(plot.top + plot.height - columnHeight),
      width: round(Math.max(1, slot - gap)),
      height: columnHeight,
      labelled: index % labelEvery === 0,
    };
  });
  return {
    width,
    height,
    plot,
    columns,
    ticks: ticks.map((value) => ({ value, label: formatNumber(value), y: round(plot.top + plot.height - (value / top) * plot.height) })),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Counts per month (`YYYY-MM`) from the first to the last date, empty months included, so the
 * axis is true to time; per year (`YYYY`) when that would be more than `maxMonths` columns.
 */
export function countByPeriod(isoDates: readonly string[], maxMonths = 120): { unit: 'month' | 'year'; data: Datum[] } {
  if (isoDates.length === 0) return { unit: 'month', data: [] };
  const months = isoDates.map((date) => date.slice(0, 7)).sort();
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const first = index(months[0]!);
  const last = index(months.at(-1)!);
  const unit = last - first + 1 > maxMonths ? 'year' : 'month';
  const counts = new Map<string, number>();
  for (const month of months) {
    const key = unit === 'year' ? month.slice(0, 4) : month;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const data: Datum[] = [];
  if (unit === 'year') {
    for (let year = Math.floor(first / 12); year <= Math.floor(last / 12); year++) data.push({ label: String(year), value: counts.get(String(year)) ?? 0 });
  } else {
    for (let i = first; i <= last; i++) {
      const label = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      data.push({ label, value: counts.get(label) ?? 0 });
    }
  }
  return { unit, data };
}

/** Lower bounds of the upvote buckets: 0, 1–4, 5–9, 10–24, … */
export const UPVOTE_BUCKETS = [0, 1, 5, 10, 25, 50, 100, 250, 500, 1000] as const;

/** How many papers fall in each upvote bucket, up to the bucket of the highest count. */
export function upvoteHistogram(upvotes: readonly number[]): Datum[] {
  if (upvotes.length === 0) return [];
  const max = Math.max(...upvotes);
  const lows = UPVOTE_BUCKETS.filter((low) => low <= max);
  const counts = lows.map(() => 0);
  for (const value of upvotes) counts[lows.findLastIndex((low) => value >= low)]! += 1;
  return lows.map((low, i) => {
    const next = UPVOTE_BUCKETS[i + 1];
    const label = next === undefined ? `${formatNumber(low)}+` : next - 1 === low ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(next - 1)}`;
    return { label, value: counts[i]! };
  });
}
