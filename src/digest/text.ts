import type { Problem } from './entry.ts';

/**
 * Decodes a digest's bytes as UTF-8 text, refusing binary data rather than guessing.
 * Returns the text with any BOM removed and line endings normalized to `\n`.
 */
export function decodeDigest(file: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  if (bytes.length === 0) return { problem: { file, reason: 'the file is empty' } };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { problem: { file, reason: `binary data (a NUL byte at offset ${nul}), not a text digest` } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { problem: { file, reason: 'not valid UTF-8 text' } };
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { problem: { file, reason: 'the file holds only whitespace' } };
  return { text };
}

/** Collapses runs of white space (tabs, line wraps, NBSP) to one space and trims the ends. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Normalizes an abstract: paragraphs split on blank lines, each paragraph's white space collapsed. */
export function normalizeAbstract(value: string): string {
  return value
    .split(/\n[ \t]*\n/)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
