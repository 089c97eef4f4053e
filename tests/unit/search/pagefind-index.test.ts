import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shardKey, writeSearchIndex } from '../../../src/search/pagefind-index.ts';
import { searchShards } from '../../../src/search/search-documents.ts';
import { buildCatalog } from '../../../src/site/catalog.ts';
import { paper } from '../site/catalog-fixture.ts';

/** Real Pagefind runs on a handful of documents, in a temporary folder. */
const work = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function catalog(note: string) {
  return buildCatalog({
    papers: [
      paper('undated', {}, 'An abstract about attention.'),
      paper('spring', { published: '2024-04-01', note }, 'An abstract about diffusion.'),
      paper('autumn', { published: '2024-10-01' }, 'An abstract about transformers.'),
    ],
    topics: [],
    digests: [],
  });
}

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

describe('the sharded Pagefind index', () => {
  const cache = join(work, 'cache');

  it('writes one Pagefind bundle per shard and the shard list, without Pagefind’s own UIs', async () => {
    const site = join(work, 'first');
    const summary = await writeSearchIndex(searchShards(catalog('A note.'), 1), site, cache);
    expect(summary).toMatchObject({ pages: 3, shards: 3, reused: 0 });
    const list = JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8'));
    expect(list).toEqual({
      shards: [
        { id: 'undated-2026-04-17', last: 'undated-2026-04-17', pages: 1 },
        { id: '2024-04-01', last: '2024-04-01', pages: 1 },
        { id: '2024-10-01', last: '2024-10-01', pages: 1 },
      ],
    });
    const written = files(join(site, 'pagefind'));
    for (const shard of list.shards) {
      for (const name of ['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind']) expect(written).toContain(`${shard.id}/${name}`);
      expect(written.some((file) => file.startsWith(`${shard.id}/fragment/`))).toBe(true);
    }
    expect(written.filter((file) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file))).toEqual([]);
  }, 60_000);

  it('reuses unchanged shards on the next build, re-indexes the changed one, and forgets the old entry', async () => {
    const before = searchShards(catalog('A note.'), 1);
    const after = searchShards(catalog('An edited note.'), 1);
    expect(after.map(shardKey).filter((key, i) => key !== shardKey(before[i]!))).toEqual([shardKey(after[1]!)]);

    const site = join(work, 'second');
    const summary = await writeSearchIndex(after, site, cache);
    expect(summary).toMatchObject({ pages: 3, shards: 3, reused: 2 });
    expect(readdirSync(cache).sort()).toEqual(after.map(shardKey).sort());
    // The reused shard is the same files as the first build's.
    expect(files(join(site, 'pagefind', 'undated-2026-04-17'))).toEqual(files(join(work, 'first', 'pagefind', 'undated-2026-04-17')));
    const entry = (root: string) => readFileSync(join(root, 'pagefind', '2024-04-01', 'pagefind-entry.json'), 'utf8');
    expect(entry(site)).not.toBe(entry(join(work, 'first')));
    expect(statSync(join(site, 'pagefind', '2024-10-01', 'pagefind.js')).nlink).toBeGreaterThan(1);
  }, 60_000);
});
