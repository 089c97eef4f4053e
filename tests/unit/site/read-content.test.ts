import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidContentError, readSiteContent } from '../../../src/site/read-content.ts';
import { contentPaths } from '../../../src/store/content-store.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function content(files: Record<string, string>) {
  root = mkdtempSync(join(tmpdir(), 'read-content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return contentPaths(root);
}

const TOPIC = '---\ntitle: Video\ndescription: Moving pictures.\nrules:\n  match: [video]\n---\n\nAn introduction.\n';
const paperFile = (frontmatter: string, body = 'An abstract.') => `---\ntitle: A paper\nadded: 2026-04-17\n${frontmatter}---\n\n${body}\n`;

describe('readSiteContent', () => {
  it('reads papers, topics and the digest manifest, sorted by id', () => {
    const paths = content({
      'topics/video.md': TOPIC,
      'papers/b.md': paperFile('topics: [video]\n'),
      'papers/a.md': paperFile('', 'First.\n\nSecond.'),
      'digests.json': JSON.stringify({ '2026-04-17.txt': { captured: '2026-04-17', captured_from: 'flag', layout: 'page-text', entries: 2 } }),
    });
    const read = readSiteContent(paths);
    expect(read.papers.map((paper) => paper.id)).toEqual(['a', 'b']);
    expect(read.papers[0]!.body).toBe('First.\n\nSecond.');
    expect(read.papers[1]!.data.topics).toEqual(['video']);
    expect(read.topics).toEqual([{ id: 'video', data: expect.objectContaining({ title: 'Video' }), body: 'An introduction.' }]);
    expect(read.digests).toEqual([{ file: '2026-04-17.txt', captured: '2026-04-17', captured_from: 'flag', layout: 'page-text', entries: 2 }]);
  });

  it('refuses the whole build with every problem of every file, each with its line or field', () => {
    const paths = content({
      'topics/video.md': TOPIC,
      'topics/broken.md': '---\ntitle: [unclosed\n---\n',
      'papers/good.md': paperFile('topics: [broken]\n'),
      'papers/yaml.md': '---\ntitle: "unclosed\nadded: 2026-04-17\n---\n\nx\n',
      'papers/typo.md': paperFile('upvotse: 3\n'),
      'papers/date.md': paperFile('published: 2026-02-30\n'),
      'papers/topic.md': paperFile('topics: [no-such-topic]\n'),
      'digests.json': '{ not json',
    });
    let error: unknown;
    try {
      readSiteContent(paths);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidContentError);
    const message = (error as Error).message;
    expect(message).toMatch(/^6 problems in the content; nothing was built:/);
    expect(message).toMatch(/topics\/broken\.md:\d+: broken YAML/);
    expect(message).toMatch(/content\/papers\/yaml\.md:\d+: broken YAML/);
    expect(message).toContain('content/papers/typo.md (field `upvotse`): unknown field');
    expect(message).toContain('content/papers/date.md (field `published`)');
    expect(message).toContain('content/papers/topic.md (field `topics.0`)');
    expect(message).toMatch(/digests\.json: broken JSON/);
    // The build shows the list alone, not where in the code it was found.
    expect((error as Error).stack).toBe('');
  });
});
