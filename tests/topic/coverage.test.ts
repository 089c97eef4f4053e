import { describe, expect, it } from 'vitest';
import { serializeState } from '../../src/ingest/state.ts';
import { splitFrontmatter } from '../../src/paper/file.ts';
import { markdownToPlainText } from '../../src/paper/markdown.ts';
import { contentPaths, readPaperTexts, readState } from '../../src/store/content-store.ts';
import { loadTopicRules, loadTopics } from '../../src/topic/load.ts';
import { planReclassify } from '../../src/topic/reclassify.ts';

/** The committed content: the seed papers and the starting taxonomy of issue 4. */
const paths = contentPaths(`${new URL('../..', import.meta.url).pathname}content`);

const TAXONOMY = [
  'architecture-search', 'compression', 'continual-learning', 'diffusion-models', 'distributed-training', 'dual-stream',
  'dynamic-networks', 'efficient-attention', 'federated-learning', 'fine-tuning', 'finance', 'flow-matching', 'frequency-domain',
  'graph-learning', 'hardware', 'llm-inference', 'mixture-of-experts', 'multimodal', 'recommendation', 'reinforcement-learning',
  'speech-audio', 'state-space-models', 'streaming', 'time-series', 'video',
];

function load() {
  const topics = loadTopicRules(paths);
  if ('problems' in topics) throw new Error(JSON.stringify(topics.problems));
  const papers = readPaperTexts(paths).map(({ slug, text }) => {
    const split = splitFrontmatter(slug, text);
    if ('problems' in split) throw new Error(JSON.stringify(split.problems));
    return { slug, title: String(split.raw.title), abstract: markdownToPlainText(split.body) };
  });
  return { topics, papers, assigned: papers.map((paper) => topics.classify(paper)) };
}

describe('the starting taxonomy on the seed papers', () => {
  const { topics, papers, assigned } = load();

  it('has exactly the 25 topics of the issue, each with a one-line description and an introduction', () => {
    expect([...topics.slugs].sort()).toEqual([...TAXONOMY].sort());
    const loaded = loadTopics(paths);
    if ('problems' in loaded) throw new Error('unreachable');
    for (const topic of loaded.topics) {
      expect(topic.data.description, topic.slug).not.toContain('\n');
      expect(topic.body.length, topic.slug).toBeGreaterThan(100);
    }
  });

  it('gives at least 95% of the papers a topic', () => {
    expect(papers.length).toBeGreaterThan(400);
    const covered = assigned.filter((list) => list.length > 0).length;
    expect(covered / papers.length).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves no topic empty and lets none hold more than a third of the list', () => {
    for (const topic of TAXONOMY) {
      const count = assigned.filter((list) => list.includes(topic)).length;
      expect(count, topic).toBeGreaterThan(0);
      expect(count, topic).toBeLessThanOrEqual(papers.length / 3);
    }
  });

  it('is already applied: `npm run classify` on the committed content changes nothing', () => {
    const state = readState(paths);
    if ('problems' in state) throw new Error(JSON.stringify(state.problems));
    const plan = planReclassify({ papers: readPaperTexts(paths), state: state.value, topics: topics.slugs, classify: topics.classify, rulesFingerprint: topics.fingerprint });
    expect(plan.errors).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(serializeState(plan.state)).toBe(serializeState(state.value));
  });
});
