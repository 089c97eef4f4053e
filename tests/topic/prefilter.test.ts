/**
 * The classifier's prefilter (required literals, found in one scan) must never change a verdict:
 * with it and without it, every paper gets the same topics. Checked over the real papers and the
 * real rules, over hostile texts, and over rules written to stress the literal analysis.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/paper/file.ts';
import { markdownToPlainText } from '../../src/paper/markdown.ts';
import { contentPaths } from '../../src/store/content-store.ts';
import { compileClassifier, type TopicRules } from '../../src/topic/classify.ts';
import { compileLiteralScanner } from '../../src/topic/literal-scan.ts';
import { loadTopics } from '../../src/topic/load.ts';
import { foldCode, isWordCode, requiredLiterals, WORD_END, WORD_START } from '../../src/topic/required-literals.ts';
import { PATTERN_FLAGS } from '../../src/topic/schema.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const loaded = loadTopics(contentPaths(`${ROOT}content`));
if ('problems' in loaded) throw new Error(`content/topics is invalid: ${JSON.stringify(loaded.problems)}`);
const REAL_TOPICS: TopicRules[] = loaded.topics.map((topic) => ({ slug: topic.slug, rules: topic.data.rules }));

type Paper = { title: string; abstract: string };

/** A literal with its word edges shown as `<` and `>`. */
function readable(literal: string): string {
  return literal.replaceAll(WORD_START, '<').replaceAll(WORD_END, '>');
}

/** A deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** The papers whose topics differ with and without the prefilter, with both verdicts. */
function disagreements(topics: readonly TopicRules[], papers: readonly Paper[]) {
  const prefiltered = compileClassifier(topics);
  const reference = compileClassifier(topics, { prefilter: false });
  return papers
    .map((paper) => ({ paper, prefiltered: prefiltered(paper), reference: reference(paper) }))
    .filter(({ prefiltered: a, reference: b }) => a.join() !== b.join());
}

/** Text that makes the rules' own words appear in every spelling, spacing and neighbourhood. */
function hostileTexts(words: readonly string[], count: number, seed: number): Paper[] {
  const next = random(seed);
  const separators = [' ', ' ', ' ', '-', '', '_', '.', ',', '\n', '\t', '  ', '\u00a0', '/', '(', ')', ':', '\u200b', 'é', '2', '\u{1F600}'];
  const spell = (word: string): string => {
    const roll = next();
    if (roll < 0.2) return word.toUpperCase();
    if (roll < 0.35) return word[0]!.toUpperCase() + word.slice(1);
    if (roll < 0.4) return word.replace(/k/g, '\u212a').replace(/s/g, '\u017f'); // Kelvin sign, long s
    if (roll < 0.45) return word.replace(/i/g, '\u0130'); // dotted capital I
    if (roll < 0.5) return [...word].map((char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)).join(''); // fullwidth
    return word;
  };
  const text = (length: number) => {
    let out = '';
    for (let i = 0; i < length; i++) out += pick(next, separators) + spell(pick(next, words));
    return next() < 0.5 ? out.trim() : out;
  };
  return Array.from({ length: count }, () => ({ title: text(Math.floor(next() * 6)), abstract: text(Math.floor(next() * 60)) }));
}

/** Every word the real rules spell out, as raw material for hostile text. */
function ruleWords(topics: readonly TopicRules[]): string[] {
  const words = new Set<string>(['optical', 'speculative', 'off', 'augment', 'of', 'resources', 'the', 'a', 'and', 'GPUs', '1.58', 'W8A8', 'x']);
  for (const topic of topics) {
    for (const pattern of [...topic.rules.match, ...(topic.rules.unless ?? [])]) {
      for (const word of pattern.replace(/\\[bBdwsDWS]/g, ' ').split(/[^A-Za-z0-9-]+/)) if (word.length > 1) words.add(word);
    }
  }
  return [...words];
}

describe('the prefilter changes no verdict', () => {
  it('over every real paper, with the real rules', () => {
    const dir = `${ROOT}content/papers`;
    const papers = readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => {
        const split = splitFrontmatter(name, readFileSync(join(dir, name), 'utf8'));
        if ('problems' in split) throw new Error(`${name} is invalid`);
        return { title: String(split.raw.title), abstract: markdownToPlainText(split.body) };
      });
    expect(papers.length).toBeGreaterThan(400);
    expect(disagreements(REAL_TOPICS, papers)).toEqual([]);
  });

  it('over hostile texts made of the rules’ own words, with the real rules', () => {
    const papers = hostileTexts(ruleWords(REAL_TOPICS), 4000, 1);
    expect(disagreements(REAL_TOPICS, papers)).toEqual([]);
    // The texts do exercise the rules: most papers get some topic.
    const classify = compileClassifier(REAL_TOPICS);
    expect(papers.filter((paper) => classify(paper).length > 0).length).toBeGreaterThan(2000);
  });

  it('over edge cases: empty texts, edges of the title and of the text, look-alike characters', () => {
    const papers: Paper[] = [
      { title: '', abstract: '' },
      { title: 'FL', abstract: '' },
      { title: '', abstract: 'FL' },
      { title: 'fl', abstract: 'ow matching' },
      { title: 'flow', abstract: 'matching and flow matching' },
      { title: 'Diffusion', abstract: 'diffusion' },
      { title: 'x', abstract: 'diffusion diffusion' },
      { title: 'x', abstract: 'diffusiondiffusion diffusion_ _diffusion 3diffusion' },
      { title: 'optical flow models', abstract: 'pre-trained optical flow models; optical  flow models' },
      { title: '\u212aV cache', abstract: 'ſpeech and İnference on a ＦＰＧＡ with a KV\u00a0cache' },
      { title: 'W8A8 and 1.58-bit', abstract: 'w4a16, 4-bit, 1.58-bits, 8-bit8-bit' },
      { title: 'trading off', abstract: 'trading offline, stock-augmented stocks' },
      { title: 'speculative streaming', abstract: 'streaming multiprocessors, streaming-dataflow, streaming' },
      { title: 'codecs', abstract: 'audio codecs. codecs for speech' },
      { title: 'a\u2028b', abstract: '\u{1F600}diffusion\u{1F600} DiT\u{1F600}s' },
    ];
    expect(disagreements(REAL_TOPICS, papers)).toEqual([]);
  });

  it('with rules written to stress the literal analysis', () => {
    const patterns = [
      '\\bFL\\b',
      'fft',
      '\\b(?:[1-8]|1\\.58)-bit\\b',
      '\\bW\\dA\\d\\b',
      '(?<!optical )\\bflow\\b',
      '\\bab\\b|cd',
      'a\\bb',
      '\\b-x',
      'x-\\b',
      '-\\b',
      '\\b\\.',
      '(?:a|b\\w*)c',
      'a{2,3}b',
      'x{2}',
      '(?:ab)+c',
      '[A-C]x',
      '[^a]b',
      '[a-]c|[-a]d',
      '[\\d,]+ GPUs',
      '(?:thousands of|\\d[\\d,]* ) ?GPUs\\b',
      '\\bé\\b',
      'k',
      '\\bstream(?!ing)',
      '(?=a)ab',
      '^ab',
      'ab$',
      'a.c',
      'a\\.c',
      'a\\sb',
      '\\Bab',
      'a?b?c',
      '(?:x|)y',
      'x(?:\\w+ ){0,2}y',
      '(?:\\w+[- ])?experts?',
      'mixtures?[- ]of[- ](?:\\w+[- ])?experts?',
      '\\bquanti[sz]\\w*',
      '\\bcodecs?\\b(?=[^.]*\\b(?:audio|speech)\\b)',
      '(?<name>ab)c',
      'a\\u0062',
      '\\x61b',
      'a|b|c|d|e|f',
      '\\bx\\b\\s\\by\\b',
      '[\\w-]+ing\\b',
      '\\b_x_\\b',
      'a\\/b',
    ];
    const topics: TopicRules[] = patterns.map((pattern, i) => ({ slug: `t${i}`, rules: { match: [pattern], min_hits: 1 + (i % 3) } }));
    topics.push({ slug: 'unless', rules: { match: ['\\bab'], unless: ['\\bcd\\b', 'x-\\b'] } });
    const words = ['a', 'b', 'c', 'd', 'x', 'y', 'ab', 'cd', 'FL', 'fl', 'fft', 'flow', 'optical', '1.58', 'bit', 'W8A8', 'é', 'K', 'k', '\u212a', 'stream', 'streaming', 'GPUs', '1,000', 'thousands', 'of', 'expert', 'experts', 'mixture', 'quantized', 'codecs', 'audio', 'speech', 'aab', 'aaab', 'abc', 'xx', '_x_', 'ing'];
    const papers = hostileTexts(words, 6000, 7);
    expect(disagreements(topics, papers)).toEqual([]);
  });
});

describe('required literals', () => {
  const literals = (pattern: string, flags = PATTERN_FLAGS) => requiredLiterals(pattern, flags)?.literals.map(readable).sort() ?? null;

  it('lists the strings one of which every match holds, with word edges where `\\b` puts them', () => {
    expect(literals('\\bFL\\b')).toEqual(['<fl>']);
    expect(literals('\\bvideos?\\b')).toEqual(['<video>', '<videos>']);
    expect(literals('fft')).toEqual(['fft']);
    expect(literals('\\bquanti[sz]\\w*')).toEqual(['<quantis', '<quantiz']);
    expect(literals('\\bflow[- ]matching\\b')).toEqual(['<flow> <matching>', '<flow>-<matching>']);
    // The most selective requirement of a sequence wins: not any digit, but GPUs.
    expect(literals('\\b(?:thousands of|\\d[\\d,]* ) ?GPUs\\b')).toEqual([' <gpus>', 'gpus>']);
  });

  it('knows nothing (and so always runs the pattern) when it cannot be sure', () => {
    for (const pattern of ['\\x41', '\\u0041', 'a{,2}', '(?<n>a)\\k<n>', '(a)\\1', '[\\b]', '(?i:a)', '\\cJ', 'a\\0']) {
      expect(literals(pattern), pattern).toBeNull();
    }
    expect(literals('\\p{L}x', 'iu')).toBeNull();
    expect(literals('abc', 'iu')).toBeNull();
    // Nothing every match must hold.
    for (const pattern of ['\\w+', 'a?', '.', 'a|\\w', '(?=a)', '[^x]y?']) expect(literals(pattern), pattern).toBeNull();
  });
});

describe('the literal scanner', () => {
  /** The text as the scanner reads it, with the text index just past each symbol. */
  function stream(text: string): { symbols: string; endOf: number[] } {
    let symbols = '';
    const endOf: number[] = [];
    let previousIsWord = false;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : -1;
      const isWord = code >= 0 && code < 128 && isWordCode(code);
      if (isWord && !previousIsWord) (symbols += WORD_START), endOf.push(i);
      if (!isWord && previousIsWord) (symbols += WORD_END), endOf.push(i);
      previousIsWord = isWord;
      if (code >= 0) (symbols += code < 128 ? String.fromCharCode(foldCode(code)) : '\uffff'), endOf.push(i + 1);
    }
    return { symbols, endOf };
  }

  /** The scan, done the slow way: every occurrence of every literal in the stream. */
  function naiveScan(groups: readonly (readonly string[])[], text: string) {
    const { symbols, endOf } = stream(text);
    return groups.map((literals) => {
      const ends = new Set<number>();
      for (const literal of literals) {
        for (let at = symbols.indexOf(literal); at !== -1; at = symbols.indexOf(literal, at + 1)) ends.add(endOf[at + literal.length - 1]!);
      }
      return { firstEnd: ends.size > 0 ? Math.min(...ends) : -1, ends: ends.size };
    });
  }

  it('finds what a naive search finds, for random literals and texts', () => {
    const next = random(3);
    const alphabet = ['a', 'b', 'A', '-', ' ', '1', '_', 'é', '\u212a', 'k'];
    const word = () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(next, alphabet)).join('');
    for (let round = 0; round < 300; round++) {
      const groups = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
          const pattern = `${next() < 0.5 ? '\\b' : ''}${word().replace(/[-\\]/g, '\\$&')}${next() < 0.5 ? '\\b' : ''}`;
          return requiredLiterals(pattern, PATTERN_FLAGS)?.literals ?? null;
        }).filter((literals): literals is string[] => literals !== null).flat(),
      ).filter((literals) => literals.length > 0);
      const scanner = compileLiteralScanner(groups);
      for (let t = 0; t < 20; t++) {
        const text = Array.from({ length: Math.floor(next() * 12) }, word).join(pick(next, [' ', '', '-']));
        const hits = scanner.scan(text);
        const expected = naiveScan(groups, text);
        expect(
          groups.map((_, g) => ({ firstEnd: hits.firstEnd[g], ends: hits.ends[g] })),
          JSON.stringify({ groups: groups.map((literals) => literals.map(readable)), text }),
        ).toEqual(expected);
      }
    }
  });
});
