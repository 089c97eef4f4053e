import { describe, expect, it } from 'vitest';
import { computeRelated, computeRelatedWithWork, workLimits, type RelatedInput } from '../../src/related/related.ts';

/** A small deterministic pseudo-random generator (mulberry32), so that the lists are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['routing', 'caching', 'pruning', 'distillation', 'quantization', 'retrieval', 'planning', 'tracking'];
const TOPICS = ['inference', 'training', 'vision', 'language', 'systems'];

/**
 * `count` papers whose abstracts draw 40 words from a vocabulary of 400, so that every word is in
 * about a tenth of the papers: far more than a posting list keeps, even for the smaller lists.
 */
function syntheticPapers(count: number, seed = 1): RelatedInput[] {
  const next = random(seed);
  const vocabulary = Array.from({ length: 400 }, (_, w) => `w${w.toString(36)}x${SUBJECTS[w % SUBJECTS.length]}`);
  return Array.from({ length: count }, (_, p) => {
    const words = Array.from({ length: 40 }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
    return {
      id: `paper-${String(p).padStart(5, '0')}`,
      title: `${SUBJECTS[p % SUBJECTS.length]} paper ${p}`,
      abstract: `${words.join(' ')}.`,
      topics: [TOPICS[p % TOPICS.length]!, TOPICS[Math.floor(next() * TOPICS.length)]!],
    };
  });
}

describe('related papers at scale', () => {
  it('bounds the work per paper, so that a list four times larger costs four times more', () => {
    const limits = workLimits();
    const small = computeRelatedWithWork(syntheticPapers(500)).work;
    const large = computeRelatedWithWork(syntheticPapers(2000)).work;
    for (const work of [small, large]) {
      expect(work.maxPostingsScanned).toBeLessThanOrEqual(limits.postingsScanned);
      expect(work.maxCandidatesScored).toBeLessThanOrEqual(limits.candidatesScored);
    }
    // Uncapped, a paper would read every posting of its terms: about a tenth of the list per term.
    expect(large.maxPostingsScanned).toBeGreaterThan(limits.postingsScanned / 2);
    expect(large.postingsScanned / 2000).toBeLessThanOrEqual(1.1 * (small.postingsScanned / 500));
    expect(large.candidatesScored / 2000).toBeLessThanOrEqual(small.candidatesScored / 500);
  });

  it('bounds the candidates by the number of links asked for', () => {
    const { work } = computeRelatedWithWork(syntheticPapers(300), { count: 20 });
    expect(work.maxCandidatesScored).toBe(workLimits({ count: 20 }).candidatesScored);
    expect(workLimits({ count: 20 }).candidatesScored).toBeGreaterThan(workLimits().candidatesScored);
  });

  it('gives the same links for a large list in any order', () => {
    const papers = syntheticPapers(1500, 7);
    const forward = computeRelated(papers);
    const backward = computeRelated([...papers].reverse());
    expect([...backward]).toEqual([...forward]);
    expect([...forward.values()].every((links) => links.length === 5)).toBe(true);
  });
});
