import { parseDateLine, resolveDateLine, type DateLine } from './dates.ts';
import { organizationId, type DigestEntry, type Layout, type Problem } from './entry.ts';
import { textEntry, type TextMetadata } from './text-entry.ts';
import { collapseWhitespace } from './text.ts';

/** Lines of the Hugging Face page around the list, never part of an entry. */
const PAGE_CHROME = new Set([
  'new',
  'Get trending papers in your email inbox!',
  'Get trending papers in your email inbox once a day!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
]);

const SEPARATOR = '·';
const AUTHOR_COUNT = /^•\s*(\d+)\s+authors?$/;

interface Block {
  /** 1-based line of the block's first line. */
  line: number;
  lines: string[];
}

/** Splits text into blocks of consecutive non-blank lines; white-space-only lines count as blank. */
function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(raw);
  });
  return blocks;
}

function isMetadataBlock(block: Block): boolean {
  return block.lines.some((line) => line.trim() === SEPARATOR || AUTHOR_COUNT.test(line.trim()));
}

export function hasMetadataBlocks(text: string): boolean {
  return text.split('\n').some((line) => line.trim() === SEPARATOR);
}

export interface PageHeader {
  date: DateLine | null;
  /** Index of the first block after the header. */
  firstEntryBlock: number;
}

function readHeader(blocks: Block[]): PageHeader {
  let index = 0;
  let date: DateLine | null = null;
  let afterByline = false;
  while (index < blocks.length) {
    const block = blocks[index]!;
    const only = block.lines.length === 1 ? block.lines[0]!.trim() : null;
    if (only !== null && PAGE_CHROME.has(only)) {
      afterByline = only === 'byAK and the research community';
      index++;
      continue;
    }
    const headerDate = afterByline && only !== null ? parseDateLine(only) : null;
    if (headerDate && headerDate.year === null && headerDate.upvotes === null) {
      date = headerDate;
      index++;
    }
    break;
  }
  return { date, firstEntryBlock: index };
}

/** The header's date (`Apr 17`), from which a capture date can be read when none is given. */
export function pageHeaderDate(text: string): DateLine | null {
  return readHeader(toBlocks(text)).date;
}

function parseMetadata(file: string, block: Block, captured: string, problems: Problem[]): TextMetadata {
  const lines = block.lines.map((line) => line.trim());
  const separator = lines.indexOf(SEPARATOR);
  const before = separator === -1 ? lines.slice(0, 1) : lines.slice(0, separator);
  const after = separator === -1 ? lines.slice(1) : lines.slice(separator + 1);
  const metadata: TextMetadata = { authorsCount: null, organization: null, published: null, upvotes: null };

  const byline = before.join(' ');
  const count = AUTHOR_COUNT.exec(byline);
  if (count) metadata.authorsCount = Number(count[1]);
  else if (byline) {
    const [handle, ...name] = byline.split(/\s+/);
    const id = organizationId(handle!);
    if (id) metadata.organization = { id, name: name.join(' ') || handle! };
  }

  const dateText = after.join(' ');
  const date = dateText ? parseDateLine(dateText) : null;
  if (date) {
    metadata.published = resolveDateLine(date, captured);
    metadata.upvotes = date.upvotes;
    if (metadata.published === null) {
      problems.push({ file, at: { line: block.line + lines.length - 1 }, reason: `"${dateText}" is not a real date; left empty` });
    }
  } else if (dateText) {
    problems.push({ file, at: { line: block.line + lines.length - 1 }, reason: `unreadable date line "${dateText}"; left empty` });
  }
  return metadata;
}

function blockText(block: Block): string {
  return collapseWhitespace(block.lines.join(' '));
}

/**
 * Parses a Daily Papers page saved as text: header, then per entry a title, a blank line and the
 * abstract, followed (in the metadata layout) by an authors-or-organization / `·` / date block.
 */
export function parsePageText(file: string, text: string, captured: string): { layout: Layout; entries: DigestEntry[]; problems: Problem[] } {
  const layout: Layout = hasMetadataBlocks(text) ? 'page-text-with-metadata' : 'page-text';
  const blocks = toBlocks(text);
  const header = readHeader(blocks);
  const problems: Problem[] = [];
  const entries: DigestEntry[] = [];

  const addEntry = (title: Block, abstract: Block | null, metadata: TextMetadata | null) => {
    const where = { digest: file, layout, position: entries.length + 1, at: { line: title.line }, captured };
    entries.push(textEntry(where, blockText(title), abstract ? blockText(abstract) : '', metadata));
  };

  /** Title/abstract blocks seen since the last metadata block. */
  let pending: Block[] = [];
  const flushPairs = (blocksWithoutMetadata: Block[], reason: string) => {
    for (let i = 0; i + 1 < blocksWithoutMetadata.length; i += 2) {
      problems.push({ file, at: { line: blocksWithoutMetadata[i]!.line }, reason });
      addEntry(blocksWithoutMetadata[i]!, blocksWithoutMetadata[i + 1]!, null);
    }
  };

  for (const block of blocks.slice(header.firstEntryBlock)) {
    if (layout === 'page-text' || !isMetadataBlock(block)) {
      pending.push(block);
      if (layout === 'page-text' && pending.length === 2) {
        addEntry(pending[0]!, pending[1]!, null);
        pending = [];
      }
      continue;
    }
    const metadata = parseMetadata(file, block, captured, problems);
    if (pending.length === 0) {
      problems.push({ file, at: { line: block.line }, reason: 'a metadata block with no title before it; skipped', skipsEntry: true });
    } else if (pending.length === 1) {
      problems.push({ file, at: { line: pending[0]!.line }, reason: 'entry has no abstract' });
      addEntry(pending[0]!, null, metadata);
    } else if (pending.length % 2 === 0) {
      flushPairs(pending.slice(0, -2), 'entry has no metadata block (authors, date); kept without it');
      addEntry(pending.at(-2)!, pending.at(-1)!, metadata);
    } else {
      problems.push({
        file,
        at: { line: pending[0]!.line },
        reason: `${pending.length} text blocks before one metadata block cannot be split into title and abstract unambiguously; skipped`,
        skipsEntry: true,
      });
    }
    pending = [];
  }

  if (pending.length > 0) {
    const reason =
      layout === 'page-text'
        ? 'a title with no abstract at the end of the file (truncated?); skipped'
        : 'entry at the end of the file has no metadata block (truncated?); skipped';
    problems.push({ file, at: { line: pending[0]!.line }, reason, skipsEntry: true });
  }
  return { layout, entries, problems };
}
