import { describe, expect, it } from 'vitest';
import { computeRelated, type RelatedInput } from '../../src/related/related.ts';

/** Three pairs of papers on three subjects, and two loners. */
const FIXTURE: RelatedInput[] = [
  {
    id: 'moe-routing',
    title: 'Expert Choice Routing for Sparse Mixture-of-Experts',
    abstract:
      'Sparse mixture-of-experts layers send each token to a few experts chosen by a router. Poor routing leaves experts idle, so we let experts choose their tokens, which fixes load balancing without an auxiliary loss.',
    topics: ['mixture-of-experts'],
  },
  {
    id: 'moe-balance',
    title: 'Load Balancing Losses for Mixture of Experts',
    abstract:
      'A mixture of experts needs load balancing: the router must spread tokens evenly over the experts. We study auxiliary losses for load balancing and their effect on expert specialisation.',
    topics: ['mixture-of-experts'],
  },
  {
    id: 'kv-eviction',
    title: 'KV Cache Eviction for Long-Context Serving',
    abstract:
      'Serving long prompts is bounded by the KV cache. We evict KV cache entries of unimportant tokens during decoding, which cuts serving memory with little loss of accuracy.',
    topics: ['llm-inference'],
  },
  {
    id: 'kv-sharing',
    title: 'Sharing the KV Cache Across Requests',
    abstract:
      'Many serving requests repeat a prefix. We share KV cache blocks across requests with the same prefix and schedule decoding so that shared prefixes stay in memory.',
    topics: ['llm-inference'],
  },
  {
    id: 'flow-estimation',
    title: 'Multi-Frame Optical Flow Estimation',
    abstract: 'Optical flow estimation finds the motion between video frames. We estimate optical flow from several frames at once with a recurrent refinement.',
    topics: ['video'],
  },
  {
    id: 'flow-inpainting',
    title: 'Flow-Guided Video Inpainting',
    abstract: 'Video inpainting fills missing regions of video frames. We complete optical flow first and let the completed optical flow guide the frames that are filled.',
    topics: ['video'],
  },
  {
    id: 'portfolio',
    title: 'Portfolio Selection by Reinforcement Learning',
    abstract: 'An agent rebalances a portfolio of stocks every day, rewarded by the returns it earns after transaction costs.',
    topics: ['finance'],
  },
  { id: 'pointer', title: 'Pointer Networks', abstract: 'Outputs that point at positions of the input sequence.', topics: [] },
];

describe('related papers', () => {
  const related = computeRelated(FIXTURE);

  it('pairs each paper with the paper on the same subject first', () => {
    expect(related.get('moe-routing')![0]!.id).toBe('moe-balance');
    expect(related.get('moe-balance')![0]!.id).toBe('moe-routing');
    expect(related.get('kv-eviction')![0]!.id).toBe('kv-sharing');
    expect(related.get('kv-sharing')![0]!.id).toBe('kv-eviction');
    expect(related.get('flow-estimation')![0]!.id).toBe('flow-inpainting');
    expect(related.get('flow-inpainting')![0]!.id).toBe('flow-estimation');
  });

  it('explains each link by shared terms, as the paper writes them', () => {
    const link = related.get('moe-routing')![0]!;
    expect(link.terms.length).toBeGreaterThan(0);
    expect(link.terms.length).toBeLessThanOrEqual(3);
    expect(link.terms).toContain('load balancing');
    expect(related.get('kv-eviction')![0]!.terms).toContain('KV cache');
    expect(related.get('flow-inpainting')![0]!.terms).toContain('optical flow');
  });

  it('lets a word pair stand for its words', () => {
    for (const links of related.values()) {
      for (const { terms } of links) {
        const words = terms.flatMap((term) => (term.includes(' ') ? term.toLowerCase().split(' ') : []));
        for (const term of terms) if (!term.includes(' ')) expect(words).not.toContain(term.toLowerCase());
      }
    }
  });

  it('never links a paper to itself or twice, and scores in [0, 1], best first', () => {
    for (const [id, links] of related) {
      expect(links.map((link) => link.id)).not.toContain(id);
      expect(new Set(links.map((link) => link.id)).size).toBe(links.length);
      for (const link of links) expect(link.score).toBeGreaterThan(0);
      for (const link of links) expect(link.score).toBeLessThanOrEqual(1);
      expect(links.map((link) => link.score)).toEqual([...links.map((link) => link.score)].sort((a, b) => b - a));
    }
  });

  it('links each paper once when most words are too common to count', () => {
    // Words in all six papers are dropped; only the last word of the title tells them apart.
    const papers = Array.from({ length: 6 }, (_, i): RelatedInput => ({
      id: `p${i}`,
      title: `Sparse experts ${i % 2 ? 'routing' : 'caching'}`,
      abstract: 'Mixture of experts and load balancing of tokens.',
      topics: [],
    }));
    const links = computeRelated(papers);
    expect(links.get('p2')!.map((link) => link.id)).toEqual(['p0', 'p4']);
    expect(links.get('p3')!.map((link) => link.id)).toEqual(['p1', 'p5']);
  });

  it('gives a paper that shares no term an empty list, and every paper an entry', () => {
    expect(related.get('pointer')).toEqual([]);
    expect([...related.keys()].sort()).toEqual(FIXTURE.map((paper) => paper.id).sort());
  });

  it('returns `count` links at most (default 5)', () => {
    expect(Math.max(...[...related.values()].map((links) => links.length))).toBeLessThanOrEqual(5);
    const one = computeRelated(FIXTURE, { count: 1 });
    expect(one.get('moe-routing')).toEqual([related.get('moe-routing')![0]]);
  });

  it('is deterministic: the same answer for any input order', () => {
    const reversed = computeRelated([...FIXTURE].reverse());
    const shuffled = computeRelated([FIXTURE[3]!, FIXTURE[6]!, FIXTURE[0]!, FIXTURE[7]!, FIXTURE[5]!, FIXTURE[1]!, FIXTURE[4]!, FIXTURE[2]!]);
    expect([...reversed]).toEqual([...related]);
    expect([...shuffled]).toEqual([...related]);
  });

  it('breaks ties by id', () => {
    const twin = (id: string): RelatedInput => ({ id, title: 'Speculative decoding with draft models', abstract: 'A draft model proposes tokens; the target model verifies them.', topics: [] });
    const links = computeRelated([twin('b-copy'), twin('c-copy'), twin('a-copy'), { ...twin('query'), title: 'Speculative decoding' }]);
    expect(links.get('query')!.map((link) => link.id)).toEqual(['a-copy', 'b-copy', 'c-copy']);
    expect(new Set(links.get('query')!.map((link) => link.score)).size).toBe(1);
  });

  it('ranks, among equally similar texts, the paper that shares topics first', () => {
    const paper = (id: string, topics: string[]): RelatedInput => ({ id, title: 'Quantization of large language models', abstract: 'Weights are quantized to four bits with outlier channels kept in higher precision.', topics });
    const links = computeRelated([paper('a-other-topic', ['hardware']), paper('b-same-topic', ['compression']), paper('query', ['compression'])]);
    expect(links.get('query')!.map((link) => link.id)).toEqual(['b-same-topic', 'a-other-topic']);
  });
});
