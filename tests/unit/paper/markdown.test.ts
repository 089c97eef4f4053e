import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../src/digest/parse.ts';
import { abstractToMarkdown, markdownToPlainText } from '../../../src/paper/markdown.ts';
import { API_SAMPLES, renderBody, SEED_DIGESTS, SEED_TODAY } from '../../helpers/ingest.ts';

/** The body renders (CommonMark + GFM) to paragraphs whose text is exactly the abstract. */
function expectRoundTrip(abstract: string) {
  const body = abstractToMarkdown(abstract);
  const rendered = renderBody(body);
  expect(rendered.types.every((type) => type === 'paragraph'), `${JSON.stringify(body)} renders as ${rendered.types.join(', ')}`).toBe(true);
  expect(rendered.text, `from ${JSON.stringify(body)}`).toBe(abstract);
}

const HOSTILE_ABSTRACTS = [
  'Stars * and **bold**, _under_ and __double__, snake_case_names and _leading underscores.',
  'Angle brackets <b>bold</b> <script>alert("x")</script> <!-- comment --> <https://example.org>.',
  'Links [text](https://example.org) and ![image](x.png), references [ref] and [ref]: /url, footnotes [^1].',
  'Code `x = 1`, fences ``` and ~~~, strike ~~this~~ and ~that~.',
  'Entities &amp; &copy; &#169; &#xA9; and a lone & ampersand; Q\\&A, 8\\% and ``quoted\'\' LaTeX habits.',
  'A backslash \\ in the middle and one at the end \\',
  '# Not a heading',
  '## Not a heading either',
  '> not a quote',
  '- not a list',
  '+ not a list',
  '* not a list',
  '1. not an ordered list',
  '2024) neither',
  '---',
  '***',
  '___',
  '=== not a setext underline',
  '| a | b | not | a | table |',
  '- [ ] not a task',
  'Autolinks https://github.com/a/b_c*d, www.cs.example.edu/~user/, mail_me@example.org, http://x.org/&amp; and [https://github.com/henry-pay/SpaRTAN].',
  'Tabs\tand  runs   of    spaces collapse',
  'First paragraph with *stars*.\n\n# Second paragraph opening with a hash.\n\n- Third, with a dash.',
];

describe('abstract bodies', () => {
  it.each(HOSTILE_ABSTRACTS.map((abstract) => [abstract.replace(/[\t ]+/g, ' ')]))('render back to %j', (abstract) => {
    expectRoundTrip(abstract);
  });

  it('stay readable: plain text is left alone', () => {
    const plain = 'We propose X-Net, a 3.5x faster model (see Sec. 2): it reaches 91% accuracy; code at https://github.com/a/b.';
    expect(abstractToMarkdown(plain)).toBe(plain);
  });

  it('resolve back to the abstract as plain text, for search', () => {
    for (const abstract of HOSTILE_ABSTRACTS.filter((text) => !text.includes('\n'))) {
      expect(markdownToPlainText(abstractToMarkdown(abstract))).toBe(abstract.replace(/\s+/g, ' ').trim());
    }
  });

  it('render back for random mixes of Markdown-active characters', () => {
    const atoms = ['*', '_', '<', '>', '[', ']', '(', ')', '`', '~', '&', '\\', '#', '-', '+', '!', '|', ':', '=', '"', '.', '1.', '2)', '&amp;', '&#35;', 'a', 'x_y', ' ', ' ', 'https://x.org/', 'www.a.com', 'a@b.com', '<div>', '<!--', '---', '```', '[^1]', '[x]:', 'é'];
    let seed = 20261123;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 1_000; i++) {
      let abstract = '';
      for (let n = 1 + Math.floor(next() * 10); n > 0; n--) abstract += atoms[Math.floor(next() * atoms.length)];
      abstract = abstract.replace(/\s+/g, ' ').trim();
      if (abstract) expectRoundTrip(abstract);
    }
  });

  it('render back for every real abstract: the seeds and the API samples', () => {
    const sources = [
      ...readdirSync(SEED_DIGESTS).map((name) => join(SEED_DIGESTS, name)),
      ...readdirSync(API_SAMPLES).filter((name) => name.endsWith('.json')).map((name) => join(API_SAMPLES, name)),
    ];
    let checked = 0;
    for (const path of sources) {
      for (const entry of parseDigest(path, readFileSync(path), { today: SEED_TODAY }).entries) {
        expectRoundTrip(entry.abstract);
        checked++;
      }
    }
    expect(checked).toBe(510 + 176);
  });
});
