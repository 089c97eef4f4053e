/**
 * The runner in-process, on a temporary content folder: atomic writes, digest name clashes, and
 * topic edits, which need a classifier (the topic files themselves belong to the topics suite).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { formatProblem } from '../../src/digest/entry.ts';
import { runIngest, type IngestOptions } from '../../src/ingest/run.ts';
import { writeFileAtomic, writePapers, type ContentPaths } from '../../src/store/content-store.ts';
import { editFile, fixture, readPaper, SEED_TODAY, snapshot, test } from '../helpers/ingest.ts';

const REMIX = 'remix-reinforcement-routing-for-mixtures-of-loras-in-llm-finetuning';

function ingest(paths: ContentPaths, inputs: string[], topics: Pick<IngestOptions, 'classify' | 'topics' | 'rulesFingerprint'> = { classify: () => [], topics: new Set(), rulesFingerprint: 'no-rules' }) {
  return runIngest({ paths, inputs, captured: null, dryRun: false, today: SEED_TODAY, ...topics });
}

describe('atomic writes', () => {
  test('write the whole file and leave no temporary file', ({ workspace }) => {
    const dir = workspace().cwd;
    const path = join(dir, 'sub', 'paper.md');
    writeFileAtomic(path, 'first');
    writeFileAtomic(path, 'second');
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['paper.md']);
  });

  test('clean up after a failed rename and leave the target as it was', ({ workspace }) => {
    const dir = workspace().paths.root;
    const target = join(dir, 'taken');
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'inside.txt'), 'kept');
    expect(() => writeFileAtomic(target, 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(target, 'inside.txt'), 'utf8')).toBe('kept');
  });
});

describe('writing many papers', () => {
  const papers = Array.from({ length: 50 }, (_, i) => ({ slug: `paper-${i}`, text: `---\ntitle: Paper ${i}\n---\n` }));

  test('into an absent or empty folder: all at once, leaving nothing beside them', ({ workspace }) => {
    for (const prepare of [() => {}, (paths: ContentPaths) => mkdirSync(paths.papers, { recursive: true })]) {
      const { paths } = workspace();
      prepare(paths);
      writePapers(paths, papers);
      expect(readdirSync(paths.papers).sort()).toEqual(papers.map(({ slug }) => `${slug}.md`).sort());
      expect(readFileSync(join(paths.papers, 'paper-7.md'), 'utf8')).toBe(papers[7]!.text);
      expect(readdirSync(paths.root)).toEqual(['papers']);
    }
  });

  test('into a folder holding papers: each file replaced on its own, the others kept', ({ workspace }) => {
    const { paths } = workspace();
    mkdirSync(paths.papers, { recursive: true });
    writeFileSync(join(paths.papers, 'paper-1.md'), 'old');
    writeFileSync(join(paths.papers, 'kept.md'), 'kept');
    writePapers(paths, papers.slice(0, 3));
    expect(readdirSync(paths.papers).sort()).toEqual(['kept.md', 'paper-0.md', 'paper-1.md', 'paper-2.md']);
    expect(readFileSync(join(paths.papers, 'paper-1.md'), 'utf8')).toBe(papers[1]!.text);
    expect(readFileSync(join(paths.papers, 'kept.md'), 'utf8')).toBe('kept');
  });

  test('stopped by a disk error midway, show no file at all', ({ workspace }) => {
    const { paths } = workspace();
    mkdirSync(paths.root, { recursive: true });
    // A slug that names a folder that does not exist: the write fails after others succeeded.
    expect(() => writePapers(paths, [...papers, { slug: 'no/such/folder', text: 'x' }])).toThrow(/ENOENT/);
    expect(readdirSync(paths.root)).toEqual([]);
  });
});

describe('digest names', () => {
  test('refuse a different digest under a name already in content/digests/, writing nothing', ({ workspace }) => {
    const { paths, input } = workspace();
    expect(ingest(paths, [fixture('search-results.txt')]).exitCode).toBe(0);
    const before = snapshot(paths.root);
    const report = ingest(paths, [input('search-results.txt', 'SubscribeSomething else\nEntirely.\n')]);
    expect(report.exitCode).toBe(1);
    expect(report.errors.map(formatProblem)).toEqual([
      `${join(paths.digests, 'search-results.txt')}: a different digest with this name is already in content/digests/; rename the new file`,
    ]);
    expect(snapshot(paths.root)).toEqual(before);
  });
});

describe('topics', () => {
  const topics = new Set(['routing', 'lora', 'mine']);
  const classify = ({ title, abstract }: { title: string; abstract: string }) =>
    [...(/routing/i.test(title) ? ['routing'] : []), ...(/low-rank|lora/i.test(`${title} ${abstract}`) ? ['lora'] : [])].sort();

  test('merge per topic: one added or removed by hand stays so, the rules still add new ones', ({ workspace }) => {
    const { paths } = workspace();
    const run = (inputs: string[]) => ingest(paths, inputs, { classify, topics, rulesFingerprint: 'routing-and-lora' });
    expect(run([fixture('search-results.txt')]).exitCode).toBe(0);
    expect(readPaper(paths, REMIX, topics).data.topics).toEqual(['lora', 'routing']);

    editFile(join(paths.papers, `${REMIX}.md`), (text) => text.replace('topics:\n  - lora\n  - routing', 'topics:\n  - lora\n  - mine'));
    const report = run([fixture('page-with-metadata.txt')]);
    expect(report.exitCode).toBe(0);
    expect(report.plan!.counts).toMatchObject({ added: 4, updated: 1 });
    expect(readPaper(paths, REMIX, topics).data).toMatchObject({ topics: ['lora', 'mine'], organization: { id: 'metaresearch', name: 'Meta Research' } });
    expect(run([]).plan!.writes).toEqual([]);
  });
});
