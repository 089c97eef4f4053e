import { readTerms, surfaceForm, type TermLists } from './terms.ts';
import { TopK } from './top-k.ts';

/**
 * Related papers: tf-idf cosine similarity over title and abstract (stemmed words and word pairs,
 * stop words dropped), blended with shared topics. Each link names the terms that explain it.
 *
 * It scales by never comparing all pairs, and by bounding the work for each paper whatever the
 * size of the list: an inverted index maps each term to the papers where it weighs most (at most
 * POSTINGS_LIMIT), and a paper asks it only through its QUERY_TERMS strongest terms. The papers
 * met that way are ranked by the part of the cosine those terms give, blended with their shared
 * topics as the final score is (ranked on text alone, a paper on the same topics with a little
 * less text in common never made the shortlist), and the best of them are scored exactly. Terms
 * in more than half of the papers are dropped.
 *
 * Everything per paper lives in typed arrays, either in compressed lists shared by all papers or
 * in scratch space reused from one paper to the next: the only objects made per paper are its
 * links.
 */

export interface RelatedInput {
  id: string;
  title: string;
  abstract: string;
  topics: readonly string[];
}

export interface RelatedLink {
  id: string;
  /** Similarity in [0, 1], rounded to 4 decimals. */
  score: number;
  /** Up to 3 shared terms, strongest first, as the paper writes them ("mixture of experts"). */
  terms: string[];
}

export interface RelatedOptions {
  /** How many related papers per paper. Default: 5. */
  count?: number;
}

/** Terms in more than this share of the papers say nothing about any pair. */
const MAX_DOCUMENT_FRACTION = 0.5;
/** …but a term shared by this few papers is never too common, however small the list. */
const MIN_PRUNABLE_DF = 5;
/** A paper looks for candidates through its this many heaviest terms. */
const QUERY_TERMS = 48;
/** A term offers as candidates only the papers where it weighs most. */
const POSTINGS_LIMIT = 32;
/** Candidates scored exactly, per paper, at least. */
const MIN_CANDIDATES = 12;
/** Share of the score that comes from shared topics (Jaccard overlap) rather than text. */
const TOPIC_WEIGHT = 0.15;
const MAX_EXPLAINING_TERMS = 3;
/** A word pair may replace words already chosen, so a few more terms than shown are considered. */
const EXPLAINING_CANDIDATES = 4 * MAX_EXPLAINING_TERMS;

/**
 * Papers as sparse unit vectors, in compressed lists: paper `p` has the terms `terms[offsets[p]]`
 * up to `terms[offsets[p + 1]]`, in order of first occurrence, with their weights and their
 * positions in the TermLists the vectors are made from (where each first occurs, for display).
 *
 * Only the terms that can link two papers are listed (a term in one paper, or in too many, cannot),
 * renumbered 0 to `termCount - 1` from the most common: every per-term array of the search is
 * then as small as it can be, and the terms read most often sit together in memory. `termOf`
 * gives a term's number in the vocabulary (TermLists), `linkableOf` the reverse (-1 for a term
 * that cannot link).
 */
interface Vectors {
  termCount: number;
  termOf: Int32Array;
  linkableOf: Int32Array;
  offsets: Int32Array;
  terms: Int32Array;
  weights: Float64Array;
  listPositions: Int32Array;
  /** Each paper's heaviest terms (at most QUERY_TERMS) and their weights, listed the same way, in no particular order. */
  queryOffsets: Int32Array;
  queryTerms: Int32Array;
  queryWeights: Float64Array;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildVectors(lists: TermLists): Vectors {
  const paperCount = lists.offsets.length - 1;
  const df = new Int32Array(lists.termCount);
  for (let at = 0; at < lists.ids.length; at++) df[lists.ids[at]!]!++;
  const maxDf = Math.max(MIN_PRUNABLE_DF, paperCount * MAX_DOCUMENT_FRACTION);
  // Inverse document frequency; 0 marks a term too common to count.
  const idf = new Float64Array(lists.termCount);
  for (let term = 0; term < lists.termCount; term++) if (df[term]! <= maxDf) idf[term] = Math.log(1 + paperCount / df[term]!);

  const { termOf, linkableOf } = numberLinkableTerms(df, idf);
  const size = lists.ids.length;
  const vectors: Vectors = {
    termCount: termOf.length,
    termOf,
    linkableOf,
    offsets: new Int32Array(paperCount + 1),
    terms: new Int32Array(size),
    weights: new Float64Array(size),
    listPositions: new Int32Array(size),
    queryOffsets: new Int32Array(paperCount + 1),
    queryTerms: new Int32Array(paperCount * QUERY_TERMS),
    queryWeights: new Float64Array(paperCount * QUERY_TERMS),
  };
  const { terms, weights } = vectors;
  const heaviest = new TopK(QUERY_TERMS);
  let kept = 0;
  let queried = 0;
  for (let p = 0; p < paperCount; p++) {
    const first = kept;
    let norm = 0;
    heaviest.reset(QUERY_TERMS);
    for (let at = lists.offsets[p]!; at < lists.offsets[p + 1]!; at++) {
      const term = lists.ids[at]!;
      if (idf[term] === 0) continue;
      const count = lists.counts[at]!;
      const weight = (count === 1 ? 1 : 1 + Math.log(count)) * idf[term]!;
      norm += weight * weight;
      // A term no other paper has still counts in the norm, but can never be shared.
      if (linkableOf[term] !== -1) {
        terms[kept] = linkableOf[term]!;
        weights[kept] = weight;
        vectors.listPositions[kept] = at;
        kept++;
        // Ranked before normalizing, which keeps the order; equal weights go to the term met first in the list.
        heaviest.offer(term, weight);
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = first; k < kept; k++) weights[k]! /= norm;
    for (let q = 0; q < heaviest.size; q++, queried++) {
      vectors.queryTerms[queried] = linkableOf[heaviest.keys[q]!]!;
      vectors.queryWeights[queried] = heaviest.values[q]! / norm;
    }
    vectors.offsets[p + 1] = kept;
    vectors.queryOffsets[p + 1] = queried;
  }
  vectors.terms = terms.subarray(0, kept);
  vectors.weights = weights.subarray(0, kept);
  vectors.listPositions = vectors.listPositions.subarray(0, kept);
  vectors.queryTerms = vectors.queryTerms.subarray(0, queried);
  vectors.queryWeights = vectors.queryWeights.subarray(0, queried);
  return vectors;
}

/** Numbers the terms that can link two papers, most common first (ties: the term met first in the list). */
function numberLinkableTerms(df: Int32Array, idf: Float64Array): { termOf: Int32Array; linkableOf: Int32Array } {
  const isLinkable = (term: number) => df[term]! > 1 && idf[term]! > 0;
  // A counting sort by document frequency, from the highest.
  let highestDf = 0;
  for (let term = 0; term < df.length; term++) if (isLinkable(term)) highestDf = Math.max(highestDf, df[term]!);
  const next = new Int32Array(highestDf + 2);
  for (let term = 0; term < df.length; term++) if (isLinkable(term)) next[highestDf - df[term]! + 1]!++;
  for (let rank = 1; rank <= highestDf + 1; rank++) next[rank]! += next[rank - 1]!;
  const termOf = new Int32Array(next[highestDf + 1]!);
  const linkableOf = new Int32Array(df.length).fill(-1);
  for (let term = 0; term < df.length; term++) {
    if (!isLinkable(term)) continue;
    const linkable = next[highestDf - df[term]!]!++;
    termOf[linkable] = term;
    linkableOf[term] = linkable;
  }
  return { termOf, linkableOf };
}

/**
 * The inverted index, compressed: the papers that use term `t` (those where it weighs most, at
 * most POSTINGS_LIMIT) are `papers[offsets[t]]` up to `papers[offsets[t + 1]]`, with weights.
 * The weights only rank candidates, to be scored exactly later: single precision is plenty, and
 * halves what the search reads.
 */
interface Index {
  offsets: Int32Array;
  papers: Int32Array;
  weights: Float32Array;
}

function buildIndex(vectors: Vectors): Index {
  const { termCount } = vectors;
  const offsets = new Int32Array(termCount + 1);
  for (let k = 0; k < vectors.terms.length; k++) offsets[vectors.terms[k]! + 1]!++;
  for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
  const papers = new Int32Array(offsets[termCount]!);
  const weights = new Float32Array(papers.length);
  const next = offsets.slice(0, termCount);
  for (let p = 0; p + 1 < vectors.offsets.length; p++) {
    for (let k = vectors.offsets[p]!; k < vectors.offsets[p + 1]!; k++) {
      const at = next[vectors.terms[k]!]!++;
      papers[at] = p;
      weights[at] = vectors.weights[k]!;
    }
  }

  // Each list keeps its POSTINGS_LIMIT heaviest papers, moved down in place over what was dropped.
  const heaviest = new TopK(POSTINGS_LIMIT);
  let end = 0;
  for (let t = 0; t < termCount; t++) {
    const from = offsets[t]!;
    const to = offsets[t + 1]!;
    offsets[t] = end;
    if (to - from <= POSTINGS_LIMIT) {
      papers.copyWithin(end, from, to);
      weights.copyWithin(end, from, to);
      end += to - from;
      continue;
    }
    heaviest.reset(POSTINGS_LIMIT);
    for (let k = from; k < to; k++) heaviest.offer(papers[k]!, weights[k]!);
    for (let q = 0; q < heaviest.size; q++, end++) {
      papers[end] = heaviest.keys[q]!;
      weights[end] = heaviest.values[q]!;
    }
  }
  offsets[termCount] = end;
  // Copies, so that the uncapped lists can be freed.
  return { offsets, papers: papers.slice(0, end), weights: weights.slice(0, end) };
}

/** Each paper's topics as a bit set of `wordsPerPaper` 32-bit words, for a Jaccard overlap in a few operations. */
interface TopicSets {
  wordsPerPaper: number;
  bits: Int32Array;
}

function buildTopicSets(papers: readonly RelatedInput[]): TopicSets {
  const topicIds = new Map<string, number>();
  for (const paper of papers) for (const topic of paper.topics) if (!topicIds.has(topic)) topicIds.set(topic, topicIds.size);
  const wordsPerPaper = Math.max(1, Math.ceil(topicIds.size / 32));
  const bits = new Int32Array(papers.length * wordsPerPaper);
  papers.forEach((paper, p) => {
    for (const topic of paper.topics) {
      const id = topicIds.get(topic)!;
      bits[p * wordsPerPaper + (id >> 5)]! |= 1 << (id & 31);
    }
  });
  return { wordsPerPaper, bits };
}

function bitCount(word: number): number {
  word -= (word >>> 1) & 0x55555555;
  word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
  return Math.imul((word + (word >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Shared topics over all topics of either paper, each counted once (0 if either has none). */
function topicOverlap({ wordsPerPaper, bits }: TopicSets, a: number, b: number): number {
  let shared = 0;
  let either = 0;
  for (let w = 0; w < wordsPerPaper; w++) {
    const x = bits[a * wordsPerPaper + w]!;
    const y = bits[b * wordsPerPaper + w]!;
    shared += bitCount(x & y);
    either += bitCount(x | y);
  }
  return shared === 0 ? 0 : shared / either;
}

/** What finding related papers cost: for tests that check the work per paper is bounded, whatever the size of the list. */
export interface RelatedWork {
  /** Most postings (paper, weight) read for one paper, while looking for candidates. */
  maxPostingsScanned: number;
  /** Most papers scored exactly for one paper. */
  maxCandidatesScored: number;
  /** All postings read, and all candidates scored exactly. */
  postingsScanned: number;
  candidatesScored: number;
}

/** The most work done for one paper, whatever the size of the list: what `RelatedWork` may reach. */
export function workLimits(options: RelatedOptions = {}): { postingsScanned: number; candidatesScored: number } {
  return { postingsScanned: QUERY_TERMS * POSTINGS_LIMIT, candidatesScored: candidatesToScore(options.count ?? 5) };
}

/** How many candidates are scored exactly, to keep the best `count`. */
function candidatesToScore(count: number): number {
  return Math.max(MIN_CANDIDATES, 2 * count + 2);
}

/**
 * Finds the related papers of one paper after another. The data of all papers is built once;
 * the rest is scratch space reused from one paper to the next.
 */
class RelatedSearch {
  readonly work: RelatedWork = { maxPostingsScanned: 0, maxCandidatesScored: 0, postingsScanned: 0, candidatesScored: 0 };
  private readonly papers: readonly RelatedInput[];
  private readonly count: number;
  private readonly candidateCount: number;
  private readonly lists: TermLists;
  private readonly vectors: Vectors;
  private readonly index: Index;
  private readonly topics: TopicSets;

  /** Per paper met: the part of the cosine its postings gave so far (0 for a paper not met yet: posting weights are positive). */
  private readonly partialScores: Float64Array;
  private readonly met: Int32Array;
  private readonly candidates: TopK;
  private readonly best: TopK;
  /**
   * The current paper's vector spread over all terms: its weight per term, and where the term
   * sits in the term lists; and which terms it has, as bits. A candidate shares few of its
   * terms, and the bits, small enough to stay in the fastest cache, rule out the others without
   * reading the weights, which are not.
   */
  private readonly ownWeights: Float64Array;
  private readonly ownPositions: Int32Array;
  private readonly ownTerms: Int32Array;
  /**
   * The terms each candidate shares with the current paper, and what each adds to the cosine,
   * kept while scoring it to explain the links chosen: candidate `other`'s are at positions
   * `sharedFrom[other]` to `sharedTo[other]`.
   */
  private readonly sharedTerms: Int32Array;
  private readonly sharedContributions: Float64Array;
  private readonly sharedFrom: Int32Array;
  private readonly sharedTo: Int32Array;
  private readonly explaining = new TopK(EXPLAINING_CANDIDATES);
  private readonly chosen = new Int32Array(MAX_EXPLAINING_TERMS);

  /** `papers` sorted by id. */
  constructor(papers: readonly RelatedInput[], count: number) {
    this.papers = papers;
    this.count = count;
    this.candidateCount = candidatesToScore(count);
    // The title ends with a full stop so that no word pair spans title and abstract.
    this.lists = readTerms(papers.map((paper) => `${paper.title}.\n${paper.abstract}`));
    this.vectors = buildVectors(this.lists);
    this.index = buildIndex(this.vectors);
    this.topics = buildTopicSets(papers);

    this.partialScores = new Float64Array(papers.length);
    this.met = new Int32Array(QUERY_TERMS * POSTINGS_LIMIT);
    this.candidates = new TopK(this.candidateCount);
    this.best = new TopK(count);
    this.ownWeights = new Float64Array(this.vectors.termCount);
    this.ownPositions = new Int32Array(this.vectors.termCount);
    this.ownTerms = new Int32Array((this.vectors.termCount >> 5) + 1);
    let longest = 0;
    for (let p = 0; p < papers.length; p++) longest = Math.max(longest, this.vectors.offsets[p + 1]! - this.vectors.offsets[p]!);
    this.sharedTerms = new Int32Array(this.candidateCount * longest);
    this.sharedContributions = new Float64Array(this.candidateCount * longest);
    this.sharedFrom = new Int32Array(papers.length);
    this.sharedTo = new Int32Array(papers.length);
  }

  /**
   * Every paper's links, by paper. The papers are visited grouped by their heaviest term, so that
   * one after another reads the same postings and meets the same candidates while they are still
   * in cache; the order changes nothing in the result.
   */
  allLinks(): RelatedLink[][] {
    const paperCount = this.papers.length;
    const { queryOffsets, queryTerms, queryWeights } = this.vectors;
    const order = new Float64Array(paperCount);
    for (let p = 0; p < paperCount; p++) {
      let heaviest = queryOffsets[p]!;
      for (let q = heaviest + 1; q < queryOffsets[p + 1]!; q++) if (queryWeights[q]! > queryWeights[heaviest]!) heaviest = q;
      const heaviestTerm = heaviest < queryOffsets[p + 1]! ? queryTerms[heaviest]! : -1;
      order[p] = (heaviestTerm + 1) * paperCount + p;
    }
    order.sort();
    const links: RelatedLink[][] = new Array(paperCount);
    for (const key of order) {
      const self = key % paperCount;
      links[self] = this.linksOf(self);
    }
    return links;
  }

  /** The `count` papers most related to paper `self`, best first. */
  private linksOf(self: number): RelatedLink[] {
    const scanned = this.findCandidates(self);
    this.spreadOwnVector(self);
    this.scoreCandidates(self);
    const links = new Array<RelatedLink>(this.best.size);
    for (let b = 0; b < this.best.size; b++) {
      const other = this.best.keys[b]!;
      links[b] = { id: this.papers[other]!.id, score: this.best.values[b]!, terms: this.explainingTerms(self, other) };
    }
    this.clearOwnVector(self);

    const { work } = this;
    work.postingsScanned += scanned;
    work.maxPostingsScanned = Math.max(work.maxPostingsScanned, scanned);
    work.candidatesScored += this.candidates.size;
    work.maxCandidatesScored = Math.max(work.maxCandidatesScored, this.candidates.size);
    return links;
  }

  /**
   * Fills `candidates`: the papers met through the heaviest terms' postings, ranked by the part
   * of the cosine those terms give, blended with shared topics as the exact score is. Returns
   * how many postings it read.
   */
  private findCandidates(self: number): number {
    const { vectors, index, partialScores, met, candidates } = this;
    let metCount = 0;
    let scanned = 0;
    for (let q = vectors.queryOffsets[self]!; q < vectors.queryOffsets[self + 1]!; q++) {
      const weight = vectors.queryWeights[q]!;
      const from = index.offsets[vectors.queryTerms[q]!]!;
      const to = index.offsets[vectors.queryTerms[q]! + 1]!;
      scanned += to - from;
      for (let p = from; p < to; p++) {
        const other = index.papers[p]!;
        if (other === self) continue;
        if (partialScores[other] === 0) met[metCount++] = other;
        partialScores[other]! += weight * index.weights[p]!;
      }
    }
    candidates.reset(this.candidateCount);
    for (let m = 0; m < metCount; m++) {
      const other = met[m]!;
      candidates.offer(other, (1 - TOPIC_WEIGHT) * partialScores[other]! + TOPIC_WEIGHT * topicOverlap(this.topics, self, other));
      partialScores[other] = 0;
    }
    return scanned;
  }

  private spreadOwnVector(self: number): void {
    const { offsets, terms, weights } = this.vectors;
    for (let k = offsets[self]!; k < offsets[self + 1]!; k++) {
      const term = terms[k]!;
      this.ownWeights[term] = weights[k]!;
      this.ownPositions[term] = this.vectors.listPositions[k]!;
      this.ownTerms[term >> 5]! |= 1 << (term & 31);
    }
  }

  /** Clears the bits only: the weight and position of a term whose bit is clear are never read. */
  private clearOwnVector(self: number): void {
    const { offsets, terms } = this.vectors;
    for (let k = offsets[self]!; k < offsets[self + 1]!; k++) this.ownTerms[terms[k]! >> 5] = 0;
  }

  /** Fills `best` with the candidates' exact scores (the cosine blended with shared topics), keeping the terms each shares. */
  private scoreCandidates(self: number): void {
    const { offsets, terms, weights } = this.vectors;
    const { candidates, best, ownTerms, ownWeights, sharedTerms, sharedContributions } = this;
    best.reset(this.count);
    let shared = 0;
    for (let c = 0; c < candidates.size; c++) {
      const other = candidates.keys[c]!;
      this.sharedFrom[other] = shared;
      let cosine = 0;
      for (let k = offsets[other]!; k < offsets[other + 1]!; k++) {
        const term = terms[k]!;
        if ((ownTerms[term >> 5]! & (1 << (term & 31))) === 0) continue;
        const contribution = ownWeights[term]! * weights[k]!;
        cosine += contribution;
        sharedTerms[shared] = term;
        sharedContributions[shared++] = contribution;
      }
      this.sharedTo[other] = shared;
      const score = (1 - TOPIC_WEIGHT) * cosine + TOPIC_WEIGHT * topicOverlap(this.topics, self, other);
      const rounded = Math.round(score * 1e4) / 1e4;
      if (rounded > 0) best.offer(other, rounded);
    }
    best.sortBestFirst();
  }

  /**
   * The terms that explain the link from `self` to `other`, as `self` writes them: the heaviest
   * shared terms first, a word pair standing in for its own words ("KV cache", not "KV", "cache"
   * and "KV cache").
   */
  private explainingTerms(self: number, other: number): string[] {
    const { explaining, chosen } = this;
    explaining.reset(EXPLAINING_CANDIDATES);
    const { termOf, linkableOf } = this.vectors;
    const { sources, starts, ends } = this.lists;
    // Keyed by vocabulary term, whose words the choice needs; equal contributions go to the term met first in the list.
    for (let s = this.sharedFrom[other]!; s < this.sharedTo[other]!; s++) explaining.offer(termOf[this.sharedTerms[s]!]!, this.sharedContributions[s]!);
    explaining.sortBestFirst();
    const chosenCount = chooseExplainingTerms(explaining.keys, explaining.size, this.lists, chosen);
    const forms = new Array<string>(chosenCount);
    for (let c = 0; c < chosenCount; c++) {
      const at = this.ownPositions[linkableOf[chosen[c]!]!]!;
      forms[c] = surfaceForm(sources[self]!, starts[at]!, ends[at]!);
    }
    return forms;
  }
}

/**
 * Chooses into `chosen` up to MAX_EXPLAINING_TERMS of the first `count` terms of `strongest`
 * (strongest first), a word pair standing in for its own words. Returns how many it chose.
 */
function chooseExplainingTerms(strongest: Int32Array, count: number, lists: TermLists, chosen: Int32Array): number {
  let chosenCount = 0;
  for (let k = 0; k < count; k++) {
    const term = strongest[k]!;
    if (isCovered(term, chosen, chosenCount, lists)) continue;
    // A pair takes the place of the single words it contains, even when the list is full.
    let replaced = 0;
    while (replaced < chosenCount && !hasWord(lists, term, lists.firstWord[chosen[replaced]!]!)) replaced++;
    if (replaced < chosenCount) {
      chosen[replaced] = term;
      let kept = replaced + 1;
      for (let c = replaced + 1; c < chosenCount; c++) if (!hasWord(lists, term, lists.firstWord[chosen[c]!]!)) chosen[kept++] = chosen[c]!;
      chosenCount = kept;
    } else if (chosenCount < MAX_EXPLAINING_TERMS) {
      chosen[chosenCount++] = term;
    }
  }
  return chosenCount;
}

/**
 * Whether `term` adds nothing to the terms chosen: it is a word inside a chosen pair, or a pair
 * overlapping a chosen pair ("time series", "series forecasting").
 */
function isCovered(term: number, chosen: Int32Array, chosenCount: number, lists: TermLists): boolean {
  for (let c = 0; c < chosenCount; c++) {
    const other = chosen[c]!;
    const overlaps = hasWord(lists, other, lists.firstWord[term]!) || (isPair(lists, term) && hasWord(lists, other, lists.secondWord[term]!));
    if (overlaps && (!isPair(lists, term) || isPair(lists, other))) return true;
  }
  return false;
}

/** Whether `term` has the word `word` (a word is its own first word). */
function hasWord(lists: TermLists, term: number, word: number): boolean {
  return lists.firstWord[term] === word || lists.secondWord[term] === word;
}

function isPair(lists: TermLists, term: number): boolean {
  return lists.secondWord[term]! >= 0;
}

/**
 * The `count` most related papers of every paper, best first; ties go to the smaller id. A paper
 * that shares no term with any other gets an empty list. The result is the same for the same
 * input, whatever its order.
 */
export function computeRelated(papers: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedLink[]> {
  return computeRelatedWithWork(papers, options).related;
}

/** `computeRelated`, and what it cost. */
export function computeRelatedWithWork(papers: readonly RelatedInput[], options: RelatedOptions = {}): { related: Map<string, RelatedLink[]>; work: RelatedWork } {
  // Sorting first makes every tie, and every floating-point sum, independent of input order.
  const sorted = [...papers].sort((a, b) => compareIds(a.id, b.id));
  const search = new RelatedSearch(sorted, options.count ?? 5);
  const links = search.allLinks();
  const related = new Map<string, RelatedLink[]>();
  sorted.forEach((paper, p) => related.set(paper.id, links[p]!));
  return { related, work: search.work };
}
