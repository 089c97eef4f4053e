/** Atom feeds (RFC 4287): the newest additions, and the same per topic. */

/** Characters XML 1.0 cannot hold at all, even escaped. */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an XML element or a quoted attribute: markup characters escaped, invalid characters dropped. */
export function xmlEscape(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);
}

/** `2026-04-17` → `2026-04-17T00:00:00Z`: a day, as an RFC 3339 timestamp. */
export function atomDate(isoDate: string): string {
  return `${isoDate}T00:00:00Z`;
}

export interface FeedEntry {
  /** The paper page's absolute URL; also the entry's id. */
  url: string;
  title: string;
  /** The day it was added to the list. */
  updated: string;
  /** Publication date, when known. */
  published: string | null;
  /** The abstract as plain text. */
  summary: string;
  authors: readonly string[];
  categories: readonly { term: string; label: string }[];
}

export interface Feed {
  title: string;
  subtitle: string;
  /** The feed's own absolute URL. */
  selfUrl: string;
  /** The page the feed mirrors. */
  pageUrl: string;
  /** Named as the feed's author, which Atom requires when an entry has none. */
  author: string;
  entries: readonly FeedEntry[];
}

function element(name: string, text: string): string {
  return `<${name}>${xmlEscape(text)}</${name}>`;
}

function entryXml(entry: FeedEntry): string {
  const lines = [
    element('id', entry.url),
    element('title', entry.title),
    `<link rel="alternate" type="text/html" href="${xmlEscape(entry.url)}"/>`,
    element('updated', atomDate(entry.updated)),
    ...(entry.published ? [element('published', atomDate(entry.published))] : []),
    ...entry.authors.map((name) => `<author>${element('name', name)}</author>`),
    ...entry.categories.map((category) => `<category term="${xmlEscape(category.term)}" label="${xmlEscape(category.label)}"/>`),
    `<summary type="text">${xmlEscape(entry.summary)}</summary>`,
  ];
  return `  <entry>\n${lines.map((line) => `    ${line}`).join('\n')}\n  </entry>`;
}

/**
 * The feed as an XML document. `updated` is the newest entry's day (or the epoch for an empty
 * feed), so the same content always gives the same bytes.
 */
export function atomFeed(feed: Feed): string {
  const updated = feed.entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), '1970-01-01');
  const head = [
    element('id', feed.selfUrl),
    element('title', feed.title),
    element('subtitle', feed.subtitle),
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(feed.pageUrl)}"/>`,
    element('updated', atomDate(updated)),
    `<author>${element('name', feed.author)}</author>`,
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    ...head.map((line) => `  ${line}`),
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}

/** Entries per feed: the newest additions. */
export const FEED_SIZE = 50;
