import { collapseWhitespace } from '../digest/text.ts';

/**
 * The abstract is stored as the Markdown body of the paper file and must render back to exactly
 * the digest's text. These functions escape what Markdown (CommonMark + GFM) would interpret and
 * leave everything else readable for the curator who edits the file.
 */

/** Characters that start inline syntax anywhere: code, emphasis, links, HTML, strikethrough. */
const INLINE_ACTIVE = /[\\`*[\]<~]/g;
/** `&name;`, `&#123;`, `&#x1F;`: entity references that would otherwise be decoded. */
const ENTITY = /&(?=#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;
/** Block syntax at the start of a line: headings, quotes, list items, thematic breaks. */
const BLOCK_START = /^(#|>|[-+](?=\s|$)|-{3,}|\d{1,9}(?=[.)]))/;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
/** The start of a GFM autolink literal (`https://`, `www.`) whose raw text holds a backslash. */
const ESCAPED_AUTOLINK = /(?<![A-Za-z])(https?(?=:\/\/)|www(?=\.))(?=\S*\\)/gi;

function escapeUnderscores(paragraph: string): string {
  // An underscore between two letters or digits can neither open nor close emphasis.
  let out = '';
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i]!;
    if (ch === '_' && !(ALPHANUMERIC.test(paragraph[i - 1] ?? '') && ALPHANUMERIC.test(paragraph[i + 1] ?? ''))) out += '\\_';
    else out += ch;
  }
  return out;
}

/** What any escape inside a paragraph needs: without one of these, only a block marker may need it. */
const INLINE_ESCAPABLE = /[\\`*[\]<~&_]/;

function escapeInline(paragraph: string): string {
  let escaped = paragraph.replace(INLINE_ACTIVE, '\\$&').replace(ENTITY, '\\&');
  if (escaped.includes('_')) escaped = escapeUnderscores(escaped);
  // GFM takes an autolink literal's text raw, backslashes included; `https\://` is no literal, so the
  // URL is decoded like the rest of the text (and GFM still links it from the decoded text).
  return escaped.replace(ESCAPED_AUTOLINK, '$1\\');
}

function escapeParagraph(paragraph: string): string {
  // Most paragraphs hold nothing to escape inline: one test instead of four passes.
  const escaped = INLINE_ESCAPABLE.test(paragraph) ? escapeInline(paragraph) : paragraph;
  return escaped.replace(BLOCK_START, (marker) => (/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`));
}

/** Markdown for an abstract of paragraphs separated by blank lines. */
export function abstractToMarkdown(abstract: string): string {
  return abstract
    .split(/\n{2,}/)
    .map((paragraph) => escapeParagraph(collapseWhitespace(paragraph)))
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The plain text of a body written by `abstractToMarkdown` (and close to it for hand-written
 * Markdown): backslash escapes resolved. Used for search and similarity, never for display.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\s+/g, ' ').trim();
}
