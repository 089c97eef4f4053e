/**
 * Deterministic synthetic reading lists, modelled on the real inputs: a pure function of the corpus
 * and a seed. Titles and abstracts recombine and perturb the real ones (so their lengths and
 * vocabulary match), each paper coins a method name (so the vocabulary keeps growing with the list,
 * as a real one does), and about 9% of entries list a paper an earlier digest already listed.
 */
import { LAYOUTS, type Layout } from '../../src/digest/entry.ts';
import { titleKey } from '../../src/paper/identity.ts';
import type { Corpus } from './corpus.ts';
import { renderDigest, type Mess, type SyntheticPaper } from './layouts.ts';
import { createRandom, type Random } from './random.ts';

export type { SyntheticPaper } from './layouts.ts';

export interface SyntheticDigest {
  file: string;
  layout: Layout;
  /** YYYY-MM-DD */
  captured: string;
  papers: SyntheticPaper[];
  text: string;
}

export interface SyntheticList {
  /** Every distinct paper, in the order it was first listed. */
  papers: SyntheticPaper[];
  digests: SyntheticDigest[];
  /** Entries over all digests; more than papers by the repeats. */
  entries: number;
  /** The small digest the incremental measurement ingests afterwards. */
  increment: { digest: SyntheticDigest; added: number; repeated: number };
}

export interface ListOptions {
  papers: number;
  seed: number;
  /** Share of entries that repeat a paper listed before (the seeds: 44 of 510). */
  duplicateShare?: number;
  /** Capture date of the first digest; one digest a day after it. */
  start?: string;
}

/** Per layout: its share of all entries, and how many entries one digest holds (like the real files). */
export const LAYOUT_MIX: Record<Layout, { share: number; size: readonly [number, number] }> = {
  'api-json': { share: 0.25, size: [4, 30] },
  'page-text-with-metadata': { share: 0.25, size: [20, 80] },
  'page-text': { share: 0.15, size: [30, 100] },
  'search-text': { share: 0.35, size: [40, 210] },
};

const INCREMENT = { added: 12, repeated: 3 };
/** arXiv caps abstracts at 1,920 characters; so do the real ones. */
const MAX_ABSTRACT = 1920;
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z(])/;
const PROPOSAL = /\b([Ww]e) (propose|introduce|present) (a|an|the)\b/;
const PLAIN_WORD = /^[A-Za-z][a-z]{3,}$/;
const REPO_LINK = /(https:\/\/github\.com\/[\w.-]+\/)[\w-]+/g;

interface Pools {
  abstracts: string[][];
  sentences: string[];
  proposals: string[];
  /** Title text after any `Name:` prefix. */
  descriptions: string[];
  titleWords: string[];
  /** Pieces of real method names (`Env`, `Harness`, `LLM`), recombined into new ones. */
  nameParts: string[];
}

function pools(corpus: Corpus): Pools {
  const abstracts = corpus.abstracts.map((abstract) => abstract.split(SENTENCE_BREAK));
  const sentences = abstracts.flat();
  const descriptions = corpus.titles.map((title) => (title.includes(': ') ? title.slice(title.indexOf(': ') + 2) : title));
  const prefixes = corpus.titles.filter((title) => title.includes(': ')).map((title) => title.slice(0, title.indexOf(': ')));
  const nameParts = prefixes
    .flatMap((prefix) => prefix.split(/[\s-]+|(?<=[a-z])(?=[A-Z])/))
    .filter((part) => /^[A-Z][A-Za-z0-9]{1,9}$/.test(part));
  const titleWords = corpus.titles.flatMap((title) => title.split(' ')).filter((word) => PLAIN_WORD.test(word)).map((word) => word.toLowerCase());
  return {
    abstracts,
    sentences,
    proposals: sentences.filter((sentence) => PROPOSAL.test(sentence)),
    descriptions,
    titleWords: [...new Set(titleWords)].sort(),
    nameParts: [...new Set(nameParts)].sort(),
  };
}

function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

function coinName(random: Random, pools: Pools): string {
  const first = random.pick(pools.nameParts);
  const second = random.pick(pools.nameParts);
  const joined = random.chance(0.3) ? `${first}-${second}` : `${first}${second}`;
  return random.chance(0.1) ? `${joined}${random.int(2, 4)}` : joined;
}

function perturbTitle(random: Random, pools: Pools, description: string): string {
  const words = description.split(' ');
  const plain = words.flatMap((word, index) => (PLAIN_WORD.test(word) ? [index] : []));
  for (let swaps = random.int(1, 2); swaps > 0 && plain.length > 0; swaps--) {
    const index = random.pick(plain);
    const replacement = random.pick(pools.titleWords);
    words[index] = /^[A-Z]/.test(words[index]!) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
  }
  return words.join(' ');
}

/** An abstract of a real one's length: half its sentences swapped for others, naming the method. */
function writeAbstract(random: Random, pools: Pools, name: string): string {
  const sentences = random.pick(pools.abstracts).map((sentence) => (random.chance(0.5) ? random.pick(pools.sentences) : sentence));
  let proposal = sentences.findIndex((sentence) => PROPOSAL.test(sentence));
  if (proposal === -1) {
    proposal = Math.min(1, sentences.length - 1);
    sentences[proposal] = random.pick(pools.proposals);
  }
  sentences[proposal] = sentences[proposal]!.replace(PROPOSAL, `$1 $2 ${name}, $3`);
  const repo = name.toLowerCase();
  let abstract = sentences.join(' ').replace(REPO_LINK, `$1${repo}`);
  while (abstract.length > MAX_ABSTRACT && sentences.length > 1) {
    sentences.pop();
    abstract = sentences.join(' ').replace(REPO_LINK, `$1${repo}`);
  }
  return abstract;
}

function pickDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  for (let attempts = 0; chosen.size < Math.min(count, items.length) && attempts < count * 4; attempts++) chosen.add(random.pick(items));
  return [...chosen];
}

/** Makes papers with titles and arXiv ids distinct from every earlier one. */
function paperFactory(random: Random, corpus: Corpus, pools: Pools) {
  const takenTitles = new Set<string>();
  const arxivCounters = new Map<string, number>();
  const starsShare = corpus.shares.githubStars / corpus.shares.githubRepo;

  const uniqueTitle = (name: string): string => {
    for (let attempt = 0; ; attempt++) {
      const description = perturbTitle(random, pools, random.pick(pools.descriptions));
      // Past a few collisions, a numbered name guarantees progress.
      const title = attempt >= 20 ? `${name}${attempt}: ${description}` : random.chance(0.65) ? `${name}: ${description}` : description;
      if (!takenTitles.has(titleKey(title))) {
        takenTitles.add(titleKey(title));
        return title;
      }
    }
  };

  const arxivId = (published: string): string => {
    const month = `${published.slice(2, 4)}${published.slice(5, 7)}`;
    const count = (arxivCounters.get(month) ?? 0) + 1;
    arxivCounters.set(month, count);
    return `${month}.${String(10000 + count).padStart(5, '0')}`;
  };

  return (captured: string): SyntheticPaper => {
    const name = coinName(random, pools);
    const repo = name.toLowerCase();
    // Most papers reach the daily list within days; a curated list also picks up older classics.
    const published = addDays(captured, random.chance(0.75) ? -random.int(0, 6) : -random.int(7, 3000));
    const githubRepo = random.chance(corpus.shares.githubRepo) ? `https://github.com/${random.pick(corpus.organizations).id.toLowerCase()}/${repo}` : null;
    return {
      title: uniqueTitle(name),
      abstract: writeAbstract(random, pools, name),
      arxiv: arxivId(published),
      authors: pickDistinct(random, corpus.authors, random.pick(corpus.authorCounts)),
      organization: random.chance(corpus.shares.organization) ? random.pick(corpus.organizations) : null,
      published,
      upvotes: random.pick(corpus.upvotes),
      githubRepo,
      githubStars: githubRepo && random.chance(starsShare) ? random.pick(corpus.githubStars) : null,
      projectPage: random.chance(corpus.shares.projectPage) ? `https://${repo}.github.io/` : null,
      keywords: random.chance(corpus.shares.aiKeywords) ? [name, ...pickDistinct(random, corpus.keywords, random.int(4, 11))] : [],
      aiSummary: random.chance(corpus.shares.aiSummary) ? random.pick(corpus.aiSummaries) : null,
      submitter: random.pick(corpus.submitters),
    };
  };
}

/** The layout furthest behind its share of the entries so far, so that every size has the same mix. */
function nextLayout(entriesByLayout: ReadonlyMap<Layout, number>, total: number): Layout {
  const deficit = (layout: Layout) => LAYOUT_MIX[layout].share * (total + 1) - (entriesByLayout.get(layout) ?? 0);
  return LAYOUTS.reduce((best, layout) => (deficit(layout) > deficit(best) ? layout : best));
}

function mess(random: Random, layout: Layout): Mess {
  if (layout === 'api-json') return { crlf: false, bom: false, trailingBlankLines: 0 };
  return { crlf: random.chance(0.1), bom: random.chance(0.05), trailingBlankLines: layout === 'search-text' && random.chance(0.5) ? random.int(1, 12) : 0 };
}

export function generateList(corpus: Corpus, options: ListOptions): SyntheticList {
  const random = createRandom(options.seed);
  const duplicateShare = options.duplicateShare ?? 0.09;
  const source = pools(corpus);
  const newPaper = paperFactory(random, corpus, source);
  const papers: SyntheticPaper[] = [];
  const digests: SyntheticDigest[] = [];
  let captured = options.start ?? '2022-01-01';
  let entries = 0;
  let repeats = 0;

  const makeDigest = (layout: Layout, listed: SyntheticPaper[]): SyntheticDigest => {
    const file = `${String(digests.length).padStart(5, '0')}_${random.hex(16)}.${layout === 'api-json' ? 'json' : 'txt'}`;
    const text = renderDigest(layout, listed, captured, random, mess(random, layout), corpus.shares.claimedAuthor);
    return { file, layout, captured, papers: listed, text };
  };
  /** A paper from an earlier digest, not already in this one. */
  const repeat = (listed: ReadonlySet<SyntheticPaper>): SyntheticPaper | null => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const paper = random.pick(papers);
      if (!listed.has(paper)) return paper;
    }
    return null;
  };

  const entriesByLayout = new Map<Layout, number>();
  while (papers.length < options.papers) {
    const layout = nextLayout(entriesByLayout, entries);
    const size = random.int(...LAYOUT_MIX[layout].size);
    const listed = new Set<SyntheticPaper>();
    const fresh: SyntheticPaper[] = [];
    while (listed.size < size && papers.length + fresh.length < options.papers) {
      // Repeats keep pace with their planned share rather than being left to chance, so that every
      // size and seed has the same share.
      const due = repeats < duplicateShare * (entries + listed.size + 1);
      const earlier = due && papers.length > 0 ? repeat(listed) : null;
      const paper = earlier ?? newPaper(captured);
      if (earlier) repeats++;
      else fresh.push(paper);
      listed.add(paper);
    }
    papers.push(...fresh);
    entries += listed.size;
    entriesByLayout.set(layout, (entriesByLayout.get(layout) ?? 0) + listed.size);
    digests.push(makeDigest(layout, [...listed]));
    captured = addDays(captured, 1);
  }

  const repeated = pickDistinct(random, papers, INCREMENT.repeated);
  const added = Array.from({ length: INCREMENT.added }, () => newPaper(captured));
  const incrementPapers = [...added.slice(0, 4), ...repeated, ...added.slice(4)];
  const increment = { digest: makeDigest('api-json', incrementPapers), added: added.length, repeated: repeated.length };
  return { papers, digests, entries, increment };
}
