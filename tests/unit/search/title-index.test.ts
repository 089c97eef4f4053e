import { describe, expect, it } from 'vitest';
import { buildTitleShards, matchTitles, shardName, titleKey, type TitleRecord } from '../../../src/search/title-index.ts';

const record = (t: string, u = `papers/${titleKey(t).replace(/ /g, '-')}/`): TitleRecord => ({ t, u, d: null });

describe('title keys and shards', () => {
  it('lower-cases, drops accents and punctuation, and keeps letters and digits of any script', () => {
    expect(titleKey('  Señor*s: The `GPT-4o` <Model>!  ')).toBe('senor s the gpt 4o model');
    expect(titleKey('Ψ-Net: 深度 学习')).toBe('ψ net 深度 学习');
    expect(titleKey('***')).toBe('');
  });

  it('names a shard by the first three characters, safe as a file name', () => {
    expect(shardName('learning to rank')).toBe('lea');
    expect(shardName('a survey')).toBe('a-s');
    expect(shardName('ψ net')).toBe('u3c8-n');
    expect(shardName('深度')).toBe('u6df1u5ea6');
  });

  it('puts every title in its shard once, ordered by key, and skips titles with no letters', () => {
    const shards = buildTitleShards([record('Learning B'), record('A survey'), record('learning a'), record('!!!')]);
    expect([...shards.keys()].sort()).toEqual(['a-s', 'lea']);
    expect(shards.get('lea')!.map((item) => item.t)).toEqual(['learning a', 'Learning B']);
  });
});

describe('matching a query against a shard', () => {
  const shard = buildTitleShards([record('Attention Is All You Need'), record('Attention Is All You Need for KV Cache'), record('Attention Sinks'), record('Attentional Mixtures')]).get('att')!;

  it('finds the exact title first, then the titles it begins, whole words only', () => {
    const { matches, exact } = matchTitles(shard, 'attention is all you NEED');
    expect(exact).toBe(true);
    expect(matches.map((item) => item.t)).toEqual(['Attention Is All You Need', 'Attention Is All You Need for KV Cache']);
    expect(matchTitles(shard, 'Attention').matches.map((item) => item.t)).toEqual(['Attention Is All You Need', 'Attention Is All You Need for KV Cache', 'Attention Sinks']);
  });

  it('says when the query is no title, and ignores queries too short to name a shard', () => {
    expect(matchTitles(shard, 'Attention Is All').exact).toBe(false);
    expect(matchTitles(shard, 'at')).toEqual({ matches: [], exact: false });
  });
});
