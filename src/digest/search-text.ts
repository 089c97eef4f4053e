import type { DigestEntry, Problem } from './entry.ts';
import { textEntry } from './text-entry.ts';
import { collapseWhitespace } from './text.ts';

const GLUED_SUBSCRIBE = /^Subscribe(?=\S)/;
const CHROME = /^(Get trending papers in your email inbox( once a day)?!|Subscribe|new)$/;

/** True when the text has no blank line between its first and last content lines. */
export function looksLikeSearchText(text: string): boolean {
  const lines = text.split('\n');
  if (lines.some((line) => GLUED_SUBSCRIBE.test(line))) return true;
  const first = lines.findIndex((line) => line.trim() !== '');
  let last = lines.length - 1;
  while (last > first && lines[last]!.trim() === '') last--;
  return lines.slice(first, last + 1).every((line) => line.trim() !== '');
}

/**
 * Parses search-result text: title and abstract lines alternate with no blank lines, the first
 * title glued to the page's `Subscribe` button, and white-space-only lines at the end.
 */
export function parseSearchText(file: string, text: string, captured: string): { entries: DigestEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines: { line: number; text: string }[] = [];
  let started = false;
  text.split('\n').forEach((raw, index) => {
    let value = raw;
    if (!started) {
      if (GLUED_SUBSCRIBE.test(value)) value = value.replace(GLUED_SUBSCRIBE, '');
      else if (value.trim() === '' || CHROME.test(value.trim())) return;
      started = true;
    }
    lines.push({ line: index + 1, text: value });
  });
  while (lines.length > 0 && lines.at(-1)!.text.trim() === '') lines.pop();

  const content = lines.filter((line) => {
    if (line.text.trim() !== '') return true;
    problems.push({ file, at: { line: line.line }, reason: 'a blank line inside search-result text; ignored' });
    return false;
  });

  const entries: DigestEntry[] = [];
  for (let i = 0; i + 1 < content.length; i += 2) {
    const title = content[i]!;
    const where = { digest: file, layout: 'search-text' as const, position: entries.length + 1, at: { line: title.line }, captured };
    entries.push(textEntry(where, collapseWhitespace(title.text), collapseWhitespace(content[i + 1]!.text)));
  }
  if (content.length % 2 === 1) {
    problems.push({ file, at: { line: content.at(-1)!.line }, reason: 'a title with no abstract at the end of the file (truncated?); skipped', skipsEntry: true });
  }
  return { entries, problems };
}
