/**
 * The curator's side of the command, end to end: edits and drops survive re-ingest, and invalid
 * hand edits stop it before it writes anything.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { editFile, fixture, ingestLayoutFixtures, LAYOUT_FIXTURES, paperSlugs, readPaper, runCli, snapshot, summaryCounts, temporaryFiles, test } from '../helpers/ingest.ts';

const REMIX = 'remix-reinforcement-routing-for-mixtures-of-loras-in-llm-finetuning';
const DUAL_STREAM = 'the-dual-stream-transformer-channelized-architecture-for-interpretable-language';

describe.concurrent('curator edits through the command', () => {
  test('keeps curator edits of the title, the body and any field, with no second file for an edited title', async ({ workspace }) => {
    const ws = workspace();
    await ingestLayoutFixtures(ws);
    const { cwd, paths } = ws;
    editFile(join(paths.papers, `${REMIX}.md`), (text) =>
      text
        .replace('title: "ReMix: Reinforcement routing for mixtures of LoRAs in LLM finetuning"', 'title: "ReMix — corrected by the curator"')
        .replace('upvotes: 4', 'upvotes: 5')
        .replace('status: null', 'status: read')
        .replace('note: null', 'note: "Worth it: see section 3"')
        .replace(/\n\n[^\n]+\n$/, '\n\nMy own *summary*.\n'),
    );
    const edited = readFileSync(join(paths.papers, `${REMIX}.md`), 'utf8');

    const result = await runCli(cwd, ...LAYOUT_FIXTURES.map(fixture));
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('ingest: 0 added, 0 updated, 12 unchanged, 0 skipped');
    expect(readFileSync(join(paths.papers, `${REMIX}.md`), 'utf8')).toBe(edited);
    expect(paperSlugs(paths)).toHaveLength(12);
    expect(readPaper(paths, REMIX)).toMatchObject({
      data: { title: 'ReMix — corrected by the curator', upvotes: 5, status: 'read', note: 'Worth it: see section 3' },
      body: 'My own *summary*.',
    });
  });

  test('keeps a dropped paper dropped, whether marked `dropped: true` or deleted', async ({ workspace }) => {
    const ws = workspace();
    await ingestLayoutFixtures(ws);
    const { cwd, paths } = ws;
    editFile(join(paths.papers, `${REMIX}.md`), (text) => text.replace('dropped: false', 'dropped: true'));
    const dropped = readFileSync(join(paths.papers, `${REMIX}.md`), 'utf8');
    rmSync(join(paths.papers, `${DUAL_STREAM}.md`));

    const result = await runCli(cwd, ...LAYOUT_FIXTURES.map(fixture));
    expect(result.status).toBe(0);
    expect(summaryCounts(result.stdout)).toEqual({ added: 0, updated: 0, unchanged: 10, skipped: 3 });
    expect(result.stdout).toContain(`  kept dropped: ${REMIX} (entries for it were skipped)`);
    expect(result.stdout).toContain(`  kept dropped: ${DUAL_STREAM} (entries for it were skipped)`);
    expect(readFileSync(join(paths.papers, `${REMIX}.md`), 'utf8')).toBe(dropped);
    expect(existsSync(join(paths.papers, `${DUAL_STREAM}.md`))).toBe(false);
    expect(paperSlugs(paths)).toHaveLength(11);
  });

  test('refuses invalid content: exit 1, every bad file named with its line or field, nothing written', async ({ workspace }) => {
    const ws = workspace();
    await ingestLayoutFixtures(ws);
    const { cwd, paths, input } = ws;
    const slugs = paperSlugs(paths);
    const bad = {
      wrongType: slugs[0]!,
      brokenYaml: slugs[1]!,
      unknownTopic: slugs[2]!,
      unknownField: slugs[3]!,
    };
    editFile(join(paths.papers, `${bad.wrongType}.md`), (text) => text.replace('dropped: false', 'dropped: "nope"'));
    editFile(join(paths.papers, `${bad.brokenYaml}.md`), (text) => text.replace('status: null', 'status: read: twice'));
    editFile(join(paths.papers, `${bad.unknownTopic}.md`), (text) => text.replace('topics: []', 'topics: [no-such-topic]'));
    editFile(join(paths.papers, `${bad.unknownField}.md`), (text) => text.replace('topics: []', 'topic: []'));
    const brokenLine = readFileSync(join(paths.papers, `${bad.brokenYaml}.md`), 'utf8').split('\n').indexOf('status: read: twice') + 1;
    const before = snapshot(paths.root);

    const newDigest = input('new.txt', 'SubscribeA brand new paper\nIts abstract.\n');
    const result = await runCli(cwd, newDigest);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe('ingest: failed, nothing was written. 4 problem(s):');
    expect(lines).toContain(`  content/papers/${bad.wrongType}.md (field \`dropped\`): Invalid input: expected boolean, received string`);
    expect(lines).toContain(`  content/papers/${bad.unknownTopic}.md (field \`topics.0\`): unknown topic "no-such-topic" (no content/topics/no-such-topic.md)`);
    expect(lines).toContain(`  content/papers/${bad.brokenYaml}.md:${brokenLine}: broken YAML: bad indentation of a mapping entry`);
    expect(lines).toContain(`  content/papers/${bad.unknownField}.md (field \`topic\`): unknown field (a typo?)`);
    expect(snapshot(paths.root)).toEqual(before);
    expect(existsSync(join(paths.digests, 'new.txt'))).toBe(false);
    expect(temporaryFiles(paths.root)).toEqual([]);
  });
});
