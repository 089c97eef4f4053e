import { Buffer, isUtf8 } from 'node:buffer';
import type { Problem } from './entry.ts';

/**
 * Decodes a digest's bytes as UTF-8 text, refusing binary data rather than guessing.
 * Returns the text with any BOM removed and line endings normalized to `\n`.
 */
export function decodeDigest(file: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  if (bytes.length === 0) return { problem: { file, reason: 'the file is empty' } };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { problem: { file, reason: `binary data (a NUL byte at offset ${nul}), not a text digest` } };
  if (!isUtf8(bytes)) return { problem: { file, reason: 'not valid UTF-8 text' } };
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { problem: { file, reason: 'the file holds only whitespace' } };
  return { text };
}

/** Collapses runs of white space (tabs, line wraps, NBSP) to one space and trims the ends. */
export function collapseWhitespace(value: string): string {
  // Most text is already clean, and checking is much cheaper than rebuilding every string.
  const clean = !MESSY_WHITESPACE.test(value) && value.charCodeAt(0) !== 32 && value.charCodeAt(value.length - 1) !== 32;
  return clean ? value : value.replace(/\s+/g, ' ').trim();
}

/**
 * White space other than single spaces: tabs, line breaks, NBSP and the like, or a run of spaces.
 * (`\s` but the space, spelled out: V8 runs `[^\S ]` nearly twice as slowly.)
 */
const MESSY_WHITESPACE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/** Text in ASCII alone, for which Unicode normalization and Unicode classes change nothing. */
export function isAscii(text: string): boolean {
  return ASCII_ONLY.test(text);
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Normalizes an abstract: paragraphs split on blank lines, each paragraph's white space collapsed. */
export function normalizeAbstract(value: string): string {
  return value
    .split(/\n[ \t]*\n/)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
