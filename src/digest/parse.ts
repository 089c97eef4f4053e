import { apiHeaderDate, parseApiJson, readApiJson, type ApiJson } from './api-json.ts';
import { isIsoDate, resolveYearless } from './dates.ts';
import type { DigestEntry, Layout, Problem } from './entry.ts';
import { hasMetadataBlocks, pageHeaderDate, parsePageText } from './page-text.ts';
import { looksLikeSearchText, parseSearchText } from './search-text.ts';
import { decodeDigest } from './text.ts';

/** Where a digest's capture date came from, most to least trusted. */
export type CaptureSource = 'flag' | 'recorded' | 'header' | 'today';

export interface ParsedDigest {
  file: string;
  layout: Layout | null;
  captured: string;
  capturedFrom: CaptureSource;
  entries: DigestEntry[];
  problems: Problem[];
}

export interface ParseOptions {
  /** A capture date given by `--captured`, or recorded by an earlier run. */
  captured?: { date: string; from: 'flag' | 'recorded' } | null;
  /** Today, YYYY-MM-DD: the fallback capture date, and the year for a year-less header. */
  today: string;
}

/** A JSON object, or an array that opens with a JSON value: not a title such as `[Re] Reproducing …`. */
const JSON_START = /^\s*(\{|\[\s*([[{"\]\d-]|null|true|false|$))/;

function detectLayout(text: string): Layout {
  if (JSON_START.test(text)) return 'api-json';
  if (looksLikeSearchText(text)) return 'search-text';
  return hasMetadataBlocks(text) ? 'page-text-with-metadata' : 'page-text';
}

/** A date in the file name, as API dumps are named after the day they fetched (`2025-01-27.json`). */
function fileNameDate(file: string): string | null {
  const match = /(\d{4}-\d{2}-\d{2})/.exec(file);
  return match && isIsoDate(match[1]!) ? match[1]! : null;
}

function headerDate(file: string, layout: Layout, text: string, json: ApiJson | null, today: string): string | null {
  if (json) return fileNameDate(file) ?? apiHeaderDate(json);
  if (layout === 'search-text') return null;
  const date = pageHeaderDate(text);
  return date ? resolveYearless(date.month, date.day, today) : null;
}

/**
 * Turns one digest file into entries: detects its layout, settles its capture date
 * (flag, then the date recorded by an earlier run, then the header, then today), and parses.
 */
export function parseDigest(file: string, bytes: Uint8Array, options: ParseOptions): ParsedDigest {
  const decoded = decodeDigest(file, bytes);
  if ('problem' in decoded) {
    return { file, layout: null, captured: options.captured?.date ?? options.today, capturedFrom: options.captured?.from ?? 'today', entries: [], problems: [decoded.problem] };
  }
  const text = decoded.text;
  const layout = detectLayout(text);
  // Parsed once, for both the date and the entries.
  const json = layout === 'api-json' ? readApiJson(text) : null;
  let captured = options.captured?.date ?? null;
  let capturedFrom: CaptureSource = options.captured?.from ?? 'today';
  if (!captured) {
    captured = headerDate(file, layout, text, json, options.today);
    capturedFrom = captured ? 'header' : 'today';
    captured ??= options.today;
  }

  const parsed = json
    ? parseApiJson(file, json, captured)
    : layout === 'search-text'
      ? parseSearchText(file, text, captured)
      : parsePageText(file, text, captured);
  const problems = [...parsed.problems];
  if (parsed.entries.length === 0) problems.push({ file, reason: `no paper found in this ${layout} digest` });
  return { file, layout, captured, capturedFrom, entries: parsed.entries, problems };
}
