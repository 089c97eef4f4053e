/**
 * Writes the sharded full-text index (see `search-shards.ts`) with Pagefind's Node API, which
 * runs Pagefind's own binary: one index per shard, one after another, each with a fresh binary,
 * so memory stays that of one shard. Every response is checked; any error fails loudly, with all
 * messages.
 *
 * A shard is cached under its key (Pagefind's version, the shard and its documents): a rebuild
 * whose shard holds exactly the same documents links the cached files instead of indexing again.
 * A cache entry is written beside its final name and renamed into place, so a stopped build never
 * leaves half an index to be reused.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { routes } from '../site/urls.ts';
import type { SearchDocument } from './search-documents.ts';
import { shardList, type Shard } from './search-shards.ts';

interface PagefindResponse {
  errors: string[];
}

function check<T extends PagefindResponse>(response: T, step: string): Required<T> {
  if (response.errors.length > 0) throw new Error(`Pagefind failed while ${step}:\n${response.errors.join('\n')}`);
  return response as Required<T>;
}

/** Documents sent to Pagefind before the first answer is awaited. */
const IN_FLIGHT = 16;

/** Pagefind writes its own search UIs too; the search page uses only the API, so they go. */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;

/** How many documents went in the index, in how many shards, and how long it took. */
export interface IndexSummary {
  pages: number;
  shards: number;
  /** Shards linked from the cache rather than indexed. */
  reused: number;
  seconds: number;
}

const PAGEFIND_VERSION = (JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), 'utf8')) as { version: string }).version;

/** The cache key of a shard: anything that changes its index files changes the key. */
export function shardKey(shard: Shard<SearchDocument>): string {
  const hash = createHash('sha256').update(`pagefind ${PAGEFIND_VERSION}\nshard ${shard.id}\n`);
  for (const document of shard.items) hash.update(`${document.url}\0${document.html}\0`);
  return `${shard.id}-${hash.digest('hex').slice(0, 16)}`;
}

async function indexShard(documents: readonly SearchDocument[], outputPath: string): Promise<void> {
  try {
    const { index } = check(await pagefind.createIndex({ forceLanguage: 'en' }), 'creating the index');
    // A window of documents in flight keeps Pagefind's binary busy without queueing them all in
    // its memory at once.
    let next = 0;
    const feed = async () => {
      while (next < documents.length) {
        const document = documents[next++]!;
        check(await index.addHTMLFile({ url: document.url, content: document.html }), `indexing ${document.url}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, feed));
    check(await index.writeFiles({ outputPath }), 'writing the index');
  } finally {
    // A fresh binary per shard: one that has indexed before writes the next shard several times slower.
    await pagefind.close();
  }
  for (const name of readdirSync(outputPath)) if (UNUSED_FILES.test(name)) rmSync(join(outputPath, name));
}

/** Hard-links a folder's files into a new folder (copies where links cannot be made). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
      continue;
    }
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

/**
 * Indexes each shard into its folder under `sitePath` (`pagefind/<shard id>/`) and writes the shard
 * list. With a cache folder, unchanged shards are reused and entries no longer used are removed.
 */
export async function writeSearchIndex(shards: readonly Shard<SearchDocument>[], sitePath: string, cachePath: string | null): Promise<IndexSummary> {
  const started = performance.now();
  if (cachePath !== null) mkdirSync(cachePath, { recursive: true });
  let reused = 0;
  const used = new Set<string>();
  for (const shard of shards) {
    const target = join(sitePath, routes.searchShard(shard.id));
    if (cachePath === null) {
      await indexShard(shard.items, target);
      continue;
    }
    const key = shardKey(shard);
    used.add(key);
    const cached = join(cachePath, key);
    if (existsSync(cached)) {
      reused += 1;
    } else {
      const writing = join(cachePath, `.writing-${key}-${process.pid}`);
      rmSync(writing, { recursive: true, force: true });
      await indexShard(shard.items, writing);
      renameSync(writing, cached);
    }
    linkTree(cached, target);
  }
  if (cachePath !== null) {
    for (const name of readdirSync(cachePath)) if (!used.has(name)) rmSync(join(cachePath, name), { recursive: true, force: true });
  }
  const list = join(sitePath, routes.searchShardList);
  mkdirSync(dirname(list), { recursive: true });
  writeFileSync(list, `${JSON.stringify(shardList(shards))}\n`);
  const pages = shards.reduce((sum, shard) => sum + shard.pages, 0);
  return { pages, shards: shards.length, reused, seconds: (performance.now() - started) / 1000 };
}
