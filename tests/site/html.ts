/**
 * Just enough HTML reading for the site tests: the pages are Astro's output, so attributes are
 * always double-quoted and text is entity-escaped; no full parser is needed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

/** A start tag: its name, then attributes whose double-quoted values may hold `<` and `>`. */
const START_TAG = /<[a-z][a-z0-9-]*(?:\s+[^\s"'>\/=]+(?:="[^"]*")?)*\s*\/?>/gi;

/**
 * The markup with every attribute value blanked out, character for character, so offsets still
 * match the original. Content may put `<script>` inside an attribute (a meta description), where
 * it is inert; scans for elements run on this.
 */
export function maskAttributeValues(html: string): string {
  return html.replace(START_TAG, (tag) => tag.replace(/="([^"]*)"/g, (_match, value: string) => `="${'_'.repeat(value.length)}"`));
}

/** The page's real `<script>` elements: their start tag and their text. */
export function scriptsOf(html: string): { tag: string; body: string }[] {
  const masked = maskAttributeValues(html);
  return [...masked.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => {
    const tagEnd = masked.indexOf('>', match.index) + 1;
    return { tag: html.slice(match.index, tagEnd), body: html.slice(tagEnd, match.index + match[0].length - '</script>'.length) };
  });
}

/** The visible text of an HTML fragment: tags removed, entities decoded. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

/** The inner HTML of the first element with this opening tag pattern (matching nested tags of the same name). */
export function elementHtml(html: string, opening: RegExp): string | null {
  const match = opening.exec(html);
  if (!match) return null;
  const tag = /^<([a-z0-9]+)/i.exec(match[0])![1]!;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  pattern.lastIndex = match.index + match[0].length;
  let depth = 1;
  for (let found = pattern.exec(html); found; found = pattern.exec(html)) {
    depth += found[1] ? -1 : 1;
    if (depth === 0) return html.slice(match.index + match[0].length, found.index);
  }
  return null;
}

/** The abstract's paragraphs as text, joined by a blank line, as the digest writes them. */
export function abstractOf(html: string): string | null {
  const inner = elementHtml(html, /<div class="abstract">/);
  if (inner === null) return null;
  return [...inner.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => textOf(match[1]!)).join('\n\n');
}

export function titleOf(html: string): string | null {
  const inner = elementHtml(html, /<h1[^>]*>/);
  return inner === null ? null : textOf(inner);
}

/**
 * Every URL a page links or loads: href, src and form action attributes. The canonical link is
 * left out: it names the page's absolute URL on purpose.
 */
export function referencesOf(html: string): string[] {
  return [...html.matchAll(/<[a-z]+\b[^>]*?\s(?:href|src|action)="([^"]*)"[^>]*>/gi)]
    .filter((match) => !/\srel="canonical"/.test(match[0]))
    .map((match) => decodeEntities(match[1]!));
}

export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => decodeEntities(match[1]!)));
}

/** Files under a folder, as `/`-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}
