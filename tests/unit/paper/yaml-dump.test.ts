/**
 * The fast frontmatter writer must write exactly what js-yaml writes with the same options, byte
 * for byte, or give up (and let js-yaml write). Checked for tricky strings in every position a
 * paper's frontmatter has, for random strings, and for every real paper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../src/digest/parse.ts';
import { parsePaper, serializePaper, splitFrontmatter } from '../../../src/paper/file.ts';
import { mergeEntries } from '../../../src/paper/merge.ts';
import { PAPER_FIELDS, paperSchema } from '../../../src/paper/schema.ts';
import { dumpFrontmatter, dumpFrontmatterFast, FRONTMATTER_DUMP_OPTIONS } from '../../../src/paper/yaml-dump.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;

const reference = (value: Record<string, unknown>) => yaml.dump(value, FRONTMATTER_DUMP_OPTIONS);

const TRICKY = [
  '',
  ' ',
  'plain words',
  ...[...'-?:,[]{}#&*!|>\'"%@`='].flatMap((indicator) => [indicator, `${indicator}x`, `${indicator} x`, `x${indicator}`, `x ${indicator}`, `x${indicator}y`, `x ${indicator} y`]),
  'Title: Subtitle',
  'a:b',
  'a :b',
  'trailing colon:',
  'a #b',
  'a#b',
  '#',
  '- a list?',
  '? a key',
  '---',
  '...',
  '%TAG',
  'key: value # comment',
  "O'Brien",
  'say "hi"',
  'back\\slash',
  '\\',
  'line\nbreak',
  'ends with a newline\n',
  '\nstarts with one',
  'two\n\nparagraphs',
  'crlf\r\nline',
  'tab\there',
  '\tleading tab',
  ' leading space',
  'trailing space ',
  '  ',
  'é ü 漢字 — ünïcödé',
  'مرحبا',
  'emoji 😀 inside',
  '😀',
  'ends in an astral 😀',
  '\u{10ffff}',
  '\u0000nul',
  'bell\u0007',
  'escape\u001b[0m',
  'delete\u007f',
  'next line\u0085',
  'no-break\u00a0space',
  'soft\u00adhyphen',
  '\ufeffBOM first',
  'BOM\ufeffinside',
  'line\u2028separator',
  'paragraph\u2029separator',
  'right-to-left \u202e override',
  'lone \ud800 high',
  'lone \udc00 low',
  '\ud83d',
  'noncharacter \ufffe \uffff',
  ...['null', 'Null', 'NULL', '~', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'nULL', 'tRUE'],
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'yes!', 'only'],
  ...['0', '1', '-1', '+1', '007', '1.5', '1e3', '1E-3', '.5', '+.5', '-.5', '1.', '0x1F', '0o17', '0b101', '1_000', '0.1_2', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '1_', '12abc'],
  ...['1:20', '190:20:30.15', '-1:20', '1:', ':1'],
  ...['2024-01-01', '2024-1-1', '2024-01-01T10:00:00Z', '2001-12-14t21:59:43.10-05:00', '2024-01-01 10:00:00', '2026-02-30', '20240101'],
  '<<',
  '<< merge',
  'https://github.com/org/repo',
  'a, b',
  '[a]',
  '{a: b}',
  'x'.repeat(5000),
  `${'word '.repeat(400)}end`,
  'long line with a colon: '.repeat(100),
];

/** A paper-shaped mapping holding `text` in every position: top-level value, list item, nested mapping, flow mapping, key. */
function shapes(text: string): Record<string, unknown>[] {
  return [
    { title: text, arxiv: null, upvotes: 3, dropped: false },
    { authors: [text, 'Ada Lovelace'], keywords: [] },
    { organization: { id: 'org', name: text } },
    { sources: [{ digest: text, position: 1, captured: '2026-03-03' }] },
    { [text]: 'value', nested: { [text]: 1 }, list: [{ [text]: text }] },
  ];
}

describe('the fast frontmatter writer', () => {
  it.each(TRICKY.map((text) => [JSON.stringify(text).slice(0, 40), text]))('writes %s as js-yaml does, in every position', (_label, text) => {
    for (const shape of shapes(text)) {
      const fast = dumpFrontmatterFast(shape);
      // It gives up only where js-yaml writes a block literal (a multi-line string at the top level)
      // or an explicit key (one over 1,024 characters).
      if (fast === null) expect((text.includes('\n') && 'title' in shape) || (text.length > 1000 && !('title' in shape)), JSON.stringify(shape).slice(0, 80)).toBe(true);
      else expect(fast, JSON.stringify(shape).slice(0, 80)).toBe(reference(shape));
      expect(dumpFrontmatter(shape)).toBe(reference(shape));
    }
  });

  it('writes random strings of tricky characters as js-yaml does', () => {
    let state = 11;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const alphabet = [...'ab -:#,[]{}"\'\\\t?!&*|>%@`=~.+0123456789_<', '\n', '\r', '\u0000', '\u0085', '\u00a0', '\u2028', '\ufeff', 'é', '😀', '\ud800', 'null', 'true', 'yes', 'off', '0x', '.inf', '2024-01-01', ': ', ' #'];
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(next() * 8);
      const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      for (const shape of shapes(text)) {
        const fast = dumpFrontmatterFast(shape);
        if (fast !== null) expect(fast, JSON.stringify(shape)).toBe(reference(shape));
      }
    }
  });

  it('leaves other values to js-yaml, with the same result', () => {
    const odd: Record<string, unknown>[] = [
      {},
      { a: undefined },
      { a: undefined, b: 1 },
      { a: {} },
      { a: { b: undefined } },
      { a: [] },
      { a: -0 },
      { a: 1.5 },
      { a: Number.NaN },
      { a: Infinity },
      { a: 2 ** 53 },
      { a: -5 },
      { a: true },
      { a: [[1, 2]] },
      { a: [undefined] },
      { a: [null, true, 0] },
      { a: { b: { c: 1 } } },
      { a: { b: [1] } },
      { a: [{ b: { c: 1 } }] },
      { a: new Date(0) },
      { ['k'.repeat(1100)]: 1 },
      { a: 'multi\nline' },
    ];
    for (const value of odd) expect(dumpFrontmatter(value), JSON.stringify(value)).toBe(reference(value));
  });

  it('writes every real paper as js-yaml does, without giving up', () => {
    const dir = join(ROOT, 'content/papers');
    const schema = paperSchema();
    const names = readdirSync(dir).filter((name) => name.endsWith('.md'));
    expect(names.length).toBeGreaterThan(400);
    for (const name of names) {
      const text = readFileSync(join(dir, name), 'utf8');
      const split = splitFrontmatter(name, text);
      if ('problems' in split) throw new Error(`${name} is invalid`);
      expect(dumpFrontmatterFast(split.raw), name).toBe(reference(split.raw));
      const parsed = parsePaper(name, text, schema);
      if ('problems' in parsed) throw new Error(`${name} is invalid`);
      const ordered = Object.fromEntries(PAPER_FIELDS.map((field) => [field, parsed.paper.data[field]]));
      expect(dumpFrontmatterFast(ordered), name).toBe(reference(ordered));
      // Written by ingest (with js-yaml), so written back the same.
      expect(serializePaper(parsed.paper), name).toBe(text);
    }
  });

  it('writes the papers of the hostile digests as js-yaml does', () => {
    const dir = join(ROOT, 'tests/fixtures/hostile');
    let papers = 0;
    for (const name of readdirSync(dir)) {
      const digest = parseDigest(name, readFileSync(join(dir, name)), { today: '2026-11-23' });
      for (const entry of digest.entries) {
        const { abstract: _abstract, ...fields } = mergeEntries([entry]);
        const data: Record<string, unknown> = { ...fields, topics: [], added: '2026-11-23', status: null, note: null, dropped: false };
        expect(dumpFrontmatter(data)).toBe(reference(data));
        papers++;
      }
    }
    expect(papers).toBeGreaterThan(5);
  });
});
