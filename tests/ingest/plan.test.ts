/**
 * The whole ingest as a pure plan: parsed digests and content in, writes and state out, with a
 * fixed today. Content lives in memory here; the command line tests cover the disk.
 */
import { describe, expect, it } from 'vitest';
import { serializeState } from '../../src/ingest/state.ts';
import { serializePaper } from '../../src/paper/file.ts';
import { emptyContent, fixtureText, ingestInMemory, memoryPaper, parseFixture, parseText, plan, readBack, SEED_TODAY } from '../helpers/ingest.ts';

const ALL_FIXTURES = ['page-with-metadata.txt', 'page-without-metadata.txt', 'search-results.txt', 'api-daily-papers.json', 'api-next-day.json'];
const REMIX = 'remix-reinforcement-routing-for-mixtures-of-loras-in-llm-finetuning';
const DIFFUSION = 'diffusion-lms-are-super-data-learners-revised';

function fixtures(...names: string[]) {
  return names.map((name) => parseFixture(name));
}

/** Replaces one line of a paper file's text, failing if the line is not there. */
function editLine(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`"${from}" is not in the paper`);
  return text.replace(from, to);
}

describe('one paper, one file', () => {
  it('turns the 15 fixture entries into 12 papers, each listing every source', () => {
    const result = plan(fixtures(...ALL_FIXTURES));
    expect(result.errors).toEqual([]);
    expect(result.counts).toEqual({ added: 12, updated: 0, unchanged: 0, skipped: 0 });
    expect(result.writes.every((write) => write.kind === 'added')).toBe(true);
  });

  it('merges titles that differ only in case and punctuation, the richer source filling the gaps', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures('page-with-metadata.txt', 'search-results.txt'));
    const { data, body } = memoryPaper(content, REMIX);
    expect(data).toMatchObject({
      title: 'ReMix: Reinforcement routing for mixtures of LoRAs in LLM finetuning',
      organization: { id: 'metaresearch', name: 'Meta Research' },
      published: '2026-03-10',
      upvotes: 4,
      upvotes_as_of: '2026-04-17',
      code: ['https://github.com/example/remix'],
      added: SEED_TODAY,
      sources: [
        { digest: 'page-with-metadata.txt', position: 2, captured: '2026-04-17' },
        { digest: 'search-results.txt', position: 2, captured: SEED_TODAY },
      ],
    });
    expect(body).toBe('Low-rank adapters (LoRAs) are a parameter-efficient finetuning technique. Code: https://github.com/example/remix.');
  });

  it('merges entries with the same arXiv id under different titles, and a page entry with the same title', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures('api-daily-papers.json', 'api-next-day.json', 'page-without-metadata.txt'));
    expect([...content.papers.keys()].filter((slug) => slug.startsWith('diffusion'))).toEqual([DIFFUSION]);
    expect(memoryPaper(content, DIFFUSION).data).toMatchObject({
      title: 'Diffusion LMs are super data learners (revised)',
      arxiv: '2511.03276',
      authors: ['Jinjie Ni', 'Qian Liu', 'Longxu Dou', 'Min Lin'],
      authors_count: 4,
      organization: { id: 'NationalUniversityofSingapore', name: 'National University of Singapore' },
      upvotes: 60,
      upvotes_as_of: '2025-11-07',
      github_stars: 20,
      sources: [
        { digest: 'api-daily-papers.json', position: 1, captured: '2025-11-06' },
        { digest: 'api-next-day.json', position: 1, captured: '2025-11-07' },
        { digest: 'page-without-metadata.txt', position: 3, captured: '2026-09-03' },
      ],
    });
  });

  it('makes one paper of entries linked only through a third one, in any digest order', () => {
    const search = parseText('a.txt', 'SubscribeTitle X\nAbstract x.\nAnother paper\nAnother abstract.\n');
    const api = parseText('b.json', JSON.stringify([
      { paper: { id: '2401.11111', title: 'Title Y', summary: 'Abstract y.' } },
      { paper: { id: '2401.11111', title: 'Title X', summary: 'Abstract y.' } },
    ]));
    for (const digests of [[search, api], [api, search]]) {
      const result = plan(digests);
      expect(result.writes.map((write) => write.slug)).toEqual(['another-paper', 'title-y']);
      expect(readBack('title-y', result.writes[1]!.text).data.sources).toHaveLength(3);
    }
  });

  it('gives different papers with the same slug -2, -3 in ingest order', () => {
    const digest = parseText('d.txt', 'SubscribeModels\nFirst.\n漢字 Models\nSecond.\n模型 Models\nThird.\n');
    expect(plan([digest]).writes.map((write) => [write.slug, readBack(write.slug, write.text).data.title])).toEqual([
      ['models', 'Models'],
      ['models-2', '漢字 Models'],
      ['models-3', '模型 Models'],
    ]);
  });

  it('dates papers by the digest: year-less dates by the capture date, upvotes as of the capture', () => {
    const content = emptyContent();
    ingestInMemory(content, [parseText('page-with-metadata.txt', fixtureText('page-with-metadata.txt'), SEED_TODAY, '2026-03-08')]);
    expect(memoryPaper(content, 'the-dual-stream-transformer-channelized-architecture-for-interpretable-language').data.published).toBe('2026-03-07');
    expect(memoryPaper(content, REMIX).data).toMatchObject({ published: '2025-03-10', upvotes: 4, upvotes_as_of: '2026-03-08' });
  });
});

describe('idempotence', () => {
  it('plans nothing on its own output and keeps the state byte for byte', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures(...ALL_FIXTURES));
    const papers = new Map(content.papers);
    const state = serializeState(content.state);
    const again = ingestInMemory(content, fixtures(...ALL_FIXTURES));
    expect(again.writes).toEqual([]);
    expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: 12, skipped: 0 });
    expect(content.papers).toEqual(papers);
    expect(serializeState(again.state)).toBe(state);
  });

  it('gives the same result whatever order the digests come in', () => {
    const forward = plan(fixtures(...ALL_FIXTURES));
    const backward = plan(fixtures(...ALL_FIXTURES).reverse());
    expect(backward.writes).toEqual(forward.writes);
  });
});

describe('curator edits', () => {
  const TOPICS = new Set(['routing', 'lora', 'hand-picked']);
  const classify = ({ title }: { title: string }) => [...(/routing/i.test(title) ? ['routing'] : []), ...(/lora/i.test(title) ? ['lora'] : [])];

  it('survive re-ingest, while untouched fields are still refreshed by a richer digest', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures('search-results.txt'), { topics: TOPICS, classify });
    expect(memoryPaper(content, REMIX, TOPICS).data).toMatchObject({ topics: ['lora', 'routing'], organization: null });

    let text = content.papers.get(REMIX)!;
    text = editLine(text, 'title: REMIX — reinforcement routing for mixtures of LoRAs in LLM finetuning!', 'title: "ReMix: reinforcement routing, corrected by hand"');
    text = editLine(text, 'topics:\n  - lora\n  - routing', 'topics:\n  - hand-picked\n  - routing');
    text = editLine(text, 'status: null', 'status: reading');
    text = editLine(text, 'A shorter abstract of ReMix, as search results show it.', 'My own summary of *ReMix*.');
    text = editLine(text, 'published: null', 'published: "2026-01-01"');
    content.papers.set(REMIX, text);

    const result = ingestInMemory(content, fixtures('search-results.txt', 'page-with-metadata.txt'), { topics: TOPICS, classify });
    expect(result.errors).toEqual([]);
    expect([...content.papers.keys()].filter((slug) => slug.startsWith('remix'))).toEqual([REMIX]);
    const { data, body } = memoryPaper(content, REMIX, TOPICS);
    expect(data).toMatchObject({
      title: 'ReMix: reinforcement routing, corrected by hand',
      topics: ['hand-picked', 'routing'],
      status: 'reading',
      published: '2026-01-01',
      // Not edited: refreshed from the richer page.
      organization: { id: 'metaresearch', name: 'Meta Research' },
      upvotes: 4,
      sources: [
        { digest: 'page-with-metadata.txt', position: 2, captured: '2026-04-17' },
        { digest: 'search-results.txt', position: 2, captured: SEED_TODAY },
      ],
    });
    expect(body).toBe('My own summary of *ReMix*.');

    expect(ingestInMemory(content, fixtures('search-results.txt', 'page-with-metadata.txt'), { topics: TOPICS, classify }).writes).toEqual([]);
  });

  it('adopt a hand-made paper file: ingest fills only its empty fields', () => {
    const content = emptyContent();
    const handMade = plan(fixtures('search-results.txt')).writes.find((write) => write.slug === REMIX)!;
    const edited = editLine(editLine(handMade.text, 'note: null', 'note: Written by hand.'), 'A shorter abstract of ReMix, as search results show it.', 'Hand-written abstract.');
    content.papers.set('my-remix', edited);
    const result = ingestInMemory(content, fixtures('page-with-metadata.txt'));
    expect(result.writes.some((write) => write.slug === REMIX)).toBe(false);
    expect(memoryPaper(content, 'my-remix').data).toMatchObject({
      note: 'Written by hand.',
      title: 'REMIX — reinforcement routing for mixtures of LoRAs in LLM finetuning!',
      organization: { id: 'metaresearch', name: 'Meta Research' },
      sources: [
        { digest: 'page-with-metadata.txt', position: 2, captured: '2026-04-17' },
        { digest: 'search-results.txt', position: 2, captured: SEED_TODAY },
      ],
    });
    expect(memoryPaper(content, 'my-remix').body).toBe('Hand-written abstract.');
  });
});

describe('dropping a paper', () => {
  it('with `dropped: true`: the file stays as it is and the entries are skipped', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures('page-with-metadata.txt'));
    const dropped = editLine(content.papers.get(REMIX)!, 'dropped: false', 'dropped: true');
    content.papers.set(REMIX, dropped);
    const result = ingestInMemory(content, fixtures('page-with-metadata.txt', 'search-results.txt'));
    expect(result.writes.map((write) => write.slug)).not.toContain(REMIX);
    expect(result.dropped).toEqual([REMIX]);
    expect(result.counts).toMatchObject({ skipped: 2 });
    expect(content.papers.get(REMIX)).toBe(dropped);
  });

  it('by deleting the file: it does not come back, under any title', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures('page-with-metadata.txt'));
    content.papers.delete(REMIX);
    const result = ingestInMemory(content, fixtures('page-with-metadata.txt', 'search-results.txt'));
    expect(result.writes.map((write) => write.slug).filter((slug) => slug.startsWith('remix'))).toEqual([]);
    expect([...content.papers.keys()].filter((slug) => slug.startsWith('remix'))).toEqual([]);
    expect(result.dropped).toEqual([REMIX]);
  });
});

describe('invalid content', () => {
  it('stops the plan: every bad file is named, nothing is written', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures('page-with-metadata.txt'));
    const [first, second] = [...content.papers.keys()];
    content.papers.set(first!, editLine(content.papers.get(first!)!, 'dropped: false', 'dropped: maybe'));
    content.papers.set(second!, editLine(content.papers.get(second!)!, 'topics: []', 'topics: [nope]'));
    const result = ingestInMemory(content, fixtures('page-with-metadata.txt', 'search-results.txt'));
    expect(result.writes).toEqual([]);
    expect(result.errors.map((problem) => [problem.file, problem.at])).toEqual([
      [`content/papers/${first}.md`, { field: 'dropped' }],
      [`content/papers/${second}.md`, { field: 'topics.0' }],
    ]);
  });

  it('accepts a file the curator re-saved with the same meaning', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures('page-with-metadata.txt'));
    const paper = memoryPaper(content, REMIX);
    content.papers.set(REMIX, serializePaper(paper).replaceAll('\n', '\r\n'));
    expect(ingestInMemory(content, fixtures('page-with-metadata.txt')).writes).toEqual([]);
  });
});

describe('the unchanged fast path', () => {
  const byTitle = (word: string) => ({ title }: { title: string }) => (title.toLowerCase().includes(word) ? ['lora'] : []);

  it('records a hash of every file it writes, and the rules it classified with', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures('search-results.txt'), { rulesFingerprint: 'rules-1' });
    expect(content.state.rules).toBe('rules-1');
    for (const slug of content.papers.keys()) expect(content.state.papers[slug]!.file, slug).toMatch(/^[\w-]{16}$/);
  });

  it('keeps the recorded topics while the rules are the same, and reclassifies when they change', () => {
    const content = emptyContent();
    const topics = new Set(['lora']);
    ingestInMemory(content, fixtures('search-results.txt'), { topics, classify: byTitle('lora'), rulesFingerprint: 'lora-in-title' });
    expect(memoryPaper(content, REMIX, topics).data.topics).toEqual(['lora']);

    // A different classifier under the same fingerprint is not consulted for unchanged papers.
    const same = ingestInMemory(content, fixtures('search-results.txt'), { topics, classify: () => [], rulesFingerprint: 'lora-in-title' });
    expect(same.writes).toEqual([]);

    // New rules: every paper is classified again (and, untouched by hand, follows them).
    const changed = ingestInMemory(content, fixtures('search-results.txt'), { topics, classify: () => [], rulesFingerprint: 'no-topics' });
    expect(changed.writes.map((write) => write.slug)).toContain(REMIX);
    expect(memoryPaper(content, REMIX, topics).data.topics).toEqual([]);
  });

  it('still catches a paper naming a topic that was deleted, because the topic set is part of the rules', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures('search-results.txt'), { topics: new Set(['lora']), classify: byTitle('lora'), rulesFingerprint: 'with-lora' });
    const result = ingestInMemory(content, fixtures('search-results.txt'), { topics: new Set(), classify: () => [], rulesFingerprint: 'without-lora' });
    expect(result.errors.map((problem) => [problem.file, problem.at])).toEqual([[`content/papers/${REMIX}.md`, { field: 'topics.0' }]]);
  });

  it('parses a file the curator edited, keeps the edit, and trusts the file again afterwards', () => {
    const content = emptyContent();
    ingestInMemory(content, fixtures('search-results.txt'));
    content.papers.set(REMIX, editLine(content.papers.get(REMIX)!, 'note: null', 'note: Read the ablations first.'));
    const first = ingestInMemory(content, fixtures('search-results.txt'));
    expect(first.writes).toEqual([]);
    expect(memoryPaper(content, REMIX).data.note).toBe('Read the ablations first.');
    const hash = content.state.papers[REMIX]!.file;
    const second = ingestInMemory(content, fixtures('search-results.txt'));
    expect(second.writes).toEqual([]);
    expect(content.state.papers[REMIX]!.file).toBe(hash);
  });
});
