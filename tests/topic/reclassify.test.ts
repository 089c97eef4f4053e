import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeState, type IngestState } from '../../src/ingest/state.ts';
import { parsePaper, serializePaper, type PaperFile } from '../../src/paper/file.ts';
import { paperSchema, type PaperFrontmatter } from '../../src/paper/schema.ts';
import { planReclassify } from '../../src/topic/reclassify.ts';

function paperText(title: string, topics: string[], extra: Partial<PaperFrontmatter> = {}): string {
  const data = paperSchema().parse({ title, added: '2026-01-01', topics, ...extra });
  return serializePaper({ data, body: `An abstract about ${title}.` });
}

function record(topics: string[]) {
  return { keys: [], base: '', topics };
}

/** A stand-in for the rules: a topic for each word of the title that names one. */
const TOPICS = new Set(['finance', 'streaming', 'video']);
const classify = ({ title }: { title: string }) => [...TOPICS].filter((topic) => title.toLowerCase().includes(topic));

describe('planReclassify', () => {
  it('follows the rules where the curator did not touch the topics', () => {
    const plan = planReclassify({
      papers: [{ slug: 'a', text: paperText('video streaming', ['video']) }],
      state: { version: 2, papers: { a: record(['video']) } },
      topics: TOPICS,
      classify, rulesFingerprint: 'rules',
    });
    expect(plan.changes).toEqual([{ slug: 'a', added: ['streaming'], removed: [] }]);
    expect(plan.writes[0]!.text).toContain('  - streaming\n  - video\n');
    expect(plan.state.papers.a!.topics).toEqual(['streaming', 'video']);
  });

  it('keeps a topic added by hand and keeps out a topic removed by hand', () => {
    const plan = planReclassify({
      papers: [
        { slug: 'added', text: paperText('video', ['finance', 'video']) },
        { slug: 'removed', text: paperText('video streaming', ['streaming']) },
      ],
      state: { version: 2, papers: { added: record(['video']), removed: record(['streaming', 'video']) } },
      topics: TOPICS,
      classify, rulesFingerprint: 'rules',
    });
    expect(plan.writes).toEqual([]);
    expect(plan.kept).toEqual([
      { slug: 'added', keptRemoved: [], keptAdded: ['finance'] },
      { slug: 'removed', keptRemoved: ['video'], keptAdded: [] },
    ]);
  });

  it('drops a topic the rules no longer give, unless the curator added it', () => {
    const plan = planReclassify({
      papers: [{ slug: 'a', text: paperText('finance', ['finance', 'video']) }],
      state: { version: 2, papers: { a: record(['finance', 'video']) } },
      topics: TOPICS,
      classify, rulesFingerprint: 'rules',
    });
    expect(plan.changes).toEqual([{ slug: 'a', added: [], removed: ['video'] }]);
    expect(plan.state.papers.a!.topics).toEqual(['finance']);
  });

  it('classifies a hand-made paper (no ingest record) only while it has no topic, and leaves the state alone', () => {
    const plan = planReclassify({
      papers: [
        { slug: 'empty', text: paperText('video', []) },
        { slug: 'curated', text: paperText('video', ['finance']) },
      ],
      state: { version: 2, papers: {} },
      topics: TOPICS,
      classify, rulesFingerprint: 'rules',
    });
    expect(plan.changes).toEqual([{ slug: 'empty', added: ['video'], removed: [] }]);
    expect(plan.unrecorded).toEqual(['curated', 'empty']);
    expect(plan.state.papers).toEqual({});
  });

  it('leaves dropped papers as they are and out of the counts', () => {
    const plan = planReclassify({
      papers: [{ slug: 'gone', text: paperText('video', [], { dropped: true }) }],
      state: { version: 2, papers: { gone: record([]) } },
      topics: TOPICS,
      classify, rulesFingerprint: 'rules',
    });
    expect(plan.writes).toEqual([]);
    expect(plan.dropped).toEqual(['gone']);
    expect(plan.counts.get('video')).toBe(0);
    expect(plan.classified).toBe(0);
  });

  it('reports invalid content by file and field, and plans nothing', () => {
    const plan = planReclassify({
      papers: [
        { slug: 'ok', text: paperText('video', []) },
        { slug: 'bad', text: paperText('video', []).replace('topics: []', 'topics: [no-such-topic]') },
      ],
      state: { version: 2, papers: {} },
      topics: TOPICS,
      classify, rulesFingerprint: 'rules',
    });
    expect(plan.writes).toEqual([]);
    expect(plan.errors).toEqual([expect.objectContaining({ file: 'content/papers/bad.md', at: { field: 'topics.0' } })]);
  });

  it('changes nothing when run on its own output', () => {
    const input = {
      papers: [
        { slug: 'a', text: paperText('video streaming', ['finance']) },
        { slug: 'b', text: paperText('streaming', []) },
      ],
      state: { version: 2, papers: { a: record(['video']), b: record([]) } } satisfies IngestState,
      topics: TOPICS,
      classify,
      rulesFingerprint: 'rules',
    };
    const first = planReclassify(input);
    const written = new Map(first.writes.map((write) => [write.slug, write.text]));
    const second = planReclassify({ ...input, papers: input.papers.map((paper) => ({ slug: paper.slug, text: written.get(paper.slug) ?? paper.text })), state: first.state });
    expect(second.writes).toEqual([]);
    expect(serializeState(second.state)).toBe(serializeState(first.state));
  });
});

describe('npm run classify, on a copy of the committed content', () => {
  const ROOT = new URL('../..', import.meta.url).pathname;
  let dir: string;
  const run = (script: 'classify' | 'ingest', ...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: dir, encoding: 'utf8' });
  const paperFile = (slug: string) => join(dir, 'content', 'papers', `${slug}.md`);
  const readPaper = (slug: string): PaperFile => {
    const parsed = parsePaper(slug, readFileSync(paperFile(slug), 'utf8'), paperSchema());
    if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
    return parsed.paper;
  };
  const editTopics = (slug: string, edit: (topics: string[]) => string[]) => {
    const paper = readPaper(slug);
    writeFileSync(paperFile(slug), serializePaper({ ...paper, data: { ...paper.data, topics: edit(paper.data.topics) } }));
  };
  /** Every content file and its bytes. */
  const snapshot = () => {
    const files = new Map<string, string>();
    for (const sub of ['papers', 'topics']) {
      for (const name of readdirSync(join(dir, 'content', sub))) files.set(`${sub}/${name}`, readFileSync(join(dir, 'content', sub, name), 'utf8'));
    }
    files.set('ingest-state.json', readFileSync(join(dir, 'content', 'ingest-state.json'), 'utf8'));
    return files;
  };

  const MOE = 'mixture-of-experts-with-expert-choice-routing';
  const DPN = 'dual-path-networks';
  const ADAM = 'improving-generalization-performance-by-switching-from-adam-to-sgd';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'classify-'));
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    expect(run('classify').status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps hand edits when a rule changes and a topic is added', () => {
    expect(readPaper(MOE).data.topics).toContain('mixture-of-experts');
    expect(readPaper(DPN).data.topics).not.toContain('finance');
    editTopics(MOE, (topics) => topics.filter((topic) => topic !== 'mixture-of-experts'));
    editTopics(DPN, (topics) => [...topics, 'finance']);

    // The curator widens a rule (which still matches MOE) and adds a topic.
    const moeRules = join(dir, 'content', 'topics', 'mixture-of-experts.md');
    writeFileSync(moeRules, readFileSync(moeRules, 'utf8').replace('  match:\n', '  match:\n    - "\\\\bexpert choice\\\\b"\n'));
    writeFileSync(
      join(dir, 'content', 'topics', 'optimizers.md'),
      '---\ntitle: Optimizers\ndescription: Adam, SGD and their kin.\nrules:\n  match: ["\\\\bSGD\\\\b", "\\\\bAdam\\\\b"]\n---\n\nHow the weights move.\n',
    );

    const result = run('classify');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readPaper(MOE).data.topics).not.toContain('mixture-of-experts');
    expect(readPaper(DPN).data.topics).toContain('finance');
    expect(readPaper(ADAM).data.topics).toContain('optimizers');
    expect(result.stdout).toMatch(/^ {2}optimizers +\d+/m);
    expect(result.stdout).toContain(`${ADAM}: +optimizers`);
    expect(result.stdout).toContain(`${MOE}: stays without mixture-of-experts (removed by hand)`);
    expect(result.stdout).toContain(`${DPN}: keeps finance (added by hand)`);
  });

  it('changes no byte when run again', () => {
    const before = snapshot();
    const result = run('classify');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('changed: nothing');
    expect(snapshot()).toEqual(before);
  });

  it('and ingest afterwards agrees with it: no topic changes, in the papers or in the state', () => {
    const topicsOf = () => {
      const state = JSON.parse(readFileSync(join(dir, 'content', 'ingest-state.json'), 'utf8')) as IngestState;
      const papers = readdirSync(join(dir, 'content', 'papers')).map((name) => [name, readPaper(name.slice(0, -3)).data.topics]);
      return { papers, state: Object.entries(state.papers).map(([slug, paper]) => [slug, paper.topics]) };
    };
    const before = topicsOf();
    const result = run('ingest');
    expect(result.status, result.stderr).toBe(0);
    expect(topicsOf()).toEqual(before);
  });

  it('writes nothing with --dry-run, but says what would change', () => {
    writeFileSync(join(dir, 'content', 'topics', 'optimisation.md'), '---\ntitle: Optimisation\ndescription: Optimisers.\nrules:\n  match: ["\\\\bSGD\\\\b"]\n---\n\nHow the weights move.\n');
    editTopics(ADAM, (topics) => topics.filter((topic) => topic !== 'optimizers'));
    const before = snapshot();
    const result = run('classify', '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('dry run, nothing written');
    expect(result.stdout).toContain(`${ADAM}: +optimisation`);
    expect(snapshot()).toEqual(before);
  });

  it('refuses invalid content, naming the file and field, and writes nothing', () => {
    editTopics(MOE, (topics) => [...topics, 'no-such-topic']);
    const before = snapshot();
    const result = run('classify');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).toContain(`content/papers/${MOE}.md (field \`topics.`);
    expect(result.stderr).toContain('unknown topic "no-such-topic"');
    expect(snapshot()).toEqual(before);
  });
});
