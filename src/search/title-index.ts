/**
 * The title index: a reader who types a paper's title gets that paper at once, from a small file,
 * before (or instead of) loading the full-text index. Titles are normalized to a key (lower case,
 * accents dropped, anything but letters and digits a single space) and sharded by the key's first
 * three characters, so a query loads one shard (at 10,000 papers: 906 shards, 1 KB median,
 * 31 KB the largest).
 * A query matches every title whose key starts with the query's key: the title typed from its
 * start, whole or in part. Pure: the search worker writes the shards, the search page reads them.
 */

/** One title in a shard: the title as written, the page (site path) and the publication date. */
export interface TitleRecord {
  t: string;
  u: string;
  d: string | null;
}

/** Keys shorter than this match too much to be worth a request. */
export const MIN_TITLE_KEY = 3;

export function titleKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The shard a key lives in, safe as a file name: `lea`, `a-s` (for `a s…`), escaped code points. */
export function shardName(key: string): string {
  return [...key.slice(0, MIN_TITLE_KEY)].map((character) => (/[a-z0-9]/.test(character) ? character : character === ' ' ? '-' : `u${character.codePointAt(0)!.toString(16)}`)).join('');
}

/** Every title, by shard; within a shard, ordered by key. */
export function buildTitleShards(titles: readonly TitleRecord[]): Map<string, TitleRecord[]> {
  const keyed = titles.map((record) => ({ key: titleKey(record.t), record })).filter(({ key }) => key.length > 0);
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shards = new Map<string, TitleRecord[]>();
  for (const { key, record } of keyed) {
    const name = shardName(key);
    const shard = shards.get(name) ?? [];
    shard.push(record);
    shards.set(name, shard);
  }
  return shards;
}

/** The titles of a shard that start with the query, exact ones first; `exact` says if there are any. */
export function matchTitles(shard: readonly TitleRecord[], query: string): { matches: TitleRecord[]; exact: boolean } {
  const key = titleKey(query);
  if (key.length < MIN_TITLE_KEY) return { matches: [], exact: false };
  const exact: TitleRecord[] = [];
  const prefixed: TitleRecord[] = [];
  for (const record of shard) {
    const recordKey = titleKey(record.t);
    if (recordKey === key) exact.push(record);
    else if (recordKey.startsWith(key) && recordKey[key.length] === ' ') prefixed.push(record);
  }
  return { matches: [...exact, ...prefixed], exact: exact.length > 0 };
}
