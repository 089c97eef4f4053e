import { describe, expect, it } from 'vitest';
import { concatenatedStream, listStream, mergedStream, shardPlan, type PendingResult, type ResultStream } from '../../../src/search/sharded-results.ts';

interface Data {
  url: string;
  upvotes: string;
}

/** Results whose data loads count themselves in `loads`. */
function results(urls: string[], loads: string[], upvotes: (url: string) => string = () => '0'): PendingResult<Data>[] {
  return urls.map((url) => ({ data: async () => (loads.push(url), { url, upvotes: upvotes(url) }) }));
}

async function drain(stream: ResultStream<Data>, page: number): Promise<string[][]> {
  const pages: string[][] = [];
  while (!stream.done()) pages.push((await stream.next(page)).map((item) => item.url));
  return pages;
}

describe('sharded search results', () => {
  it('pages through results already in order, loading only the page shown', async () => {
    const loads: string[] = [];
    const stream = listStream(results(['a', 'b', 'c', 'd', 'e'], loads));
    expect((await stream.next(2)).map((item) => item.url)).toEqual(['a', 'b']);
    expect(loads).toEqual(['a', 'b']);
    expect(await drain(stream, 2)).toEqual([['c', 'd'], ['e']]);
  });

  it('runs shard searches one after another, each only when the pages reach it', async () => {
    const loads: string[] = [];
    const searched: string[] = [];
    const shard = (name: string, urls: string[]) => async () => (searched.push(name), results(urls, loads));
    const stream = concatenatedStream([shard('new', ['n1', 'n2', 'n3']), shard('empty', []), shard('old', ['o1', 'o2'])]);
    expect((await stream.next(2)).map((item) => item.url)).toEqual(['n1', 'n2']);
    expect(searched).toEqual(['new']);
    expect((await stream.next(2)).map((item) => item.url)).toEqual(['n3', 'o1']);
    expect(searched).toEqual(['new', 'empty', 'old']);
    expect(stream.done()).toBe(false);
    expect(await drain(stream, 2)).toEqual([['o2']]);
    expect(loads).toEqual(['n1', 'n2', 'n3', 'o1', 'o2']);
  });

  it('merges sorted shards by the key, largest first, and loads few results ahead', async () => {
    const loads: string[] = [];
    const votes = (url: string) => url.slice(1).padStart(3, '0');
    const shard = (urls: string[]) => async () => results(urls, loads, votes);
    const stream = mergedStream([shard(['a90', 'a50', 'a10']), shard(['b80', 'b70', 'b60', 'b55', 'b20']), shard([]), shard(['c99', 'c05'])], (item) => item.upvotes, 'desc');
    expect((await stream.next(3)).map((item) => item.url)).toEqual(['c99', 'a90', 'b80']);
    // The heads, then a second result from each list that came first: not all ten.
    expect(loads.length).toBeLessThan(8);
    expect(await drain(stream, 3)).toEqual([['b70', 'b60', 'b55'], ['a50', 'b20', 'a10'], ['c05']]);
    expect(loads.sort()).toEqual(['a10', 'a50', 'a90', 'b20', 'b55', 'b60', 'b70', 'b80', 'c05', 'c99']);
  });

  it('merges smallest first when asked, and keeps its order when "show more" is pressed twice at once', async () => {
    const loads: string[] = [];
    const shard = (urls: string[]) => async () => results(urls, loads, (url) => url.slice(1));
    const stream = mergedStream([shard(['a1', 'a4', 'a6']), shard(['b2', 'b3', 'b5'])], (item) => item.upvotes, 'asc');
    const [first, second] = await Promise.all([stream.next(2), stream.next(2)]);
    expect([...first!, ...second!].map((item) => item.url)).toEqual(['a1', 'b2', 'b3', 'a4']);
    expect(await drain(stream, 2)).toEqual([['b5', 'a6']]);
  });

  it('plans each sort: relevance as Pagefind merges it, dates shard after shard, upvotes merged', () => {
    const shards = [
      { id: '0000-00-00', last: '0000-00-00', pages: 10 },
      { id: '2024-01-01', last: '2024-06-30', pages: 10 },
      { id: '2024-07-01', last: '2024-12-31', pages: 10 },
    ];
    const counts = { '0000-00-00': 3, '2024-01-01': 0, '2024-07-01': 5 };
    expect(shardPlan('relevance', shards, counts)).toEqual({ kind: 'relevance' });
    expect(shardPlan('newest', shards, counts)).toEqual({ kind: 'one-after-another', shards: ['2024-07-01', '0000-00-00'] });
    expect(shardPlan('oldest', shards, counts)).toEqual({ kind: 'one-after-another', shards: ['0000-00-00', '2024-07-01'] });
    expect(shardPlan('upvotes', shards, counts)).toEqual({ kind: 'merged', shards: ['0000-00-00', '2024-07-01'], metaKey: 'upvotes', direction: 'desc' });
    expect(shardPlan('newest', shards, undefined)).toEqual({ kind: 'one-after-another', shards: ['2024-07-01', '2024-01-01', '0000-00-00'] });
  });
});
