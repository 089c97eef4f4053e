import { createVocabulary, surfaceForm, type Vocabulary } from './terms.ts';

/**
 * Related papers: tf-idf cosine similarity over title and abstract (stemmed words and word pairs,
 * stop words dropped), blended with shared topics. Each link names the terms that explain it.
 *
 * It scales by never comparing all pairs: an inverted index maps each term to the papers that use
 * it, so a paper meets only the papers it shares a term with. Terms in more than half of the
 * papers are dropped, each paper asks only through its strongest terms, and each term answers with
 * its strongest papers; the best candidates found that way are then scored exactly.
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

/** A paper as a sparse unit vector: term ids ascending, with weights. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
  /** Its heaviest terms (at most QUERY_TERMS) and their weights. */
  queryIds: Int32Array;
  queryWeights: Float64Array;
  /** The text read, and where each term first occurs in it (start and end per term), for display. */
  source: string;
  spans: Int32Array;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildVectors(papers: readonly RelatedInput[]): { vectors: Vector[]; vocabulary: Vocabulary } {
  const vocabulary = createVocabulary();
  // The title ends with a full stop so that no word pair spans title and abstract.
  const read = papers.map((paper) => vocabulary.read(`${paper.title}.\n${paper.abstract}`));
  const df = new Int32Array(vocabulary.size());
  for (const { ids } of read) for (const id of ids) df[id]!++;
  const n = papers.length;
  const maxDf = Math.max(MIN_PRUNABLE_DF, n * MAX_DOCUMENT_FRACTION);
  // Inverse document frequency; 0 marks a term too common to count.
  const idf = Float64Array.from(df, (count) => (count > maxDf ? 0 : Math.log(1 + n / count)));
  const vectors = read.map((terms): Vector => {
    // Slots in term id order, by one native numeric sort of `id * slots + slot`.
    const slots = terms.ids.length;
    const keys = new Float64Array(slots);
    for (let slot = 0; slot < slots; slot++) keys[slot] = terms.ids[slot]! * slots + slot;
    keys.sort();
    const ids = new Int32Array(slots);
    const weights = new Float64Array(slots);
    const spans = new Int32Array(2 * slots);
    let kept = 0;
    let norm = 0;
    for (let k = 0; k < slots; k++) {
      const slot = keys[k]! % slots;
      const id = terms.ids[slot]!;
      if (idf[id] === 0) continue;
      const count = terms.counts[slot]!;
      const weight = (count === 1 ? 1 : 1 + Math.log(count)) * idf[id]!;
      norm += weight * weight;
      // A term no other paper has still counts in the norm, but can never be shared.
      if (df[id]! > 1) {
        ids[kept] = id;
        weights[kept] = weight;
        spans[2 * kept] = terms.starts[slot]!;
        spans[2 * kept + 1] = terms.ends[slot]!;
        kept++;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < kept; k++) weights[k]! /= norm;
    const query = heaviest(weights.subarray(0, kept), QUERY_TERMS);
    const queryIds = new Int32Array(query.length);
    const queryWeights = new Float64Array(query.length);
    for (let q = 0; q < query.length; q++) {
      queryIds[q] = ids[query[q]!]!;
      queryWeights[q] = weights[query[q]!]!;
    }
    return { ids: ids.subarray(0, kept), weights: weights.subarray(0, kept), queryIds, queryWeights, source: terms.source, spans: spans.subarray(0, 2 * kept) };
  });
  return { vectors, vocabulary };
}

/**
 * The inverted index, compressed: the papers that use term `t` (those where it weighs most, at
 * most POSTINGS_LIMIT) are `papers[offsets[t]]` up to `papers[offsets[t + 1]]`, with weights.
 */
interface Index {
  offsets: Int32Array;
  papers: Int32Array;
  weights: Float64Array;
}

function buildIndex(vectors: readonly Vector[], termCount: number): Index {
  const all: Index = { offsets: new Int32Array(termCount + 1), papers: new Int32Array(0), weights: new Float64Array(0) };
  for (const vector of vectors) for (const id of vector.ids) all.offsets[id + 1]!++;
  for (let t = 0; t < termCount; t++) all.offsets[t + 1]! += all.offsets[t]!;
  all.papers = new Int32Array(all.offsets[termCount]!);
  all.weights = new Float64Array(all.papers.length);
  const filled = all.offsets.slice(0, termCount);
  vectors.forEach((vector, paper) => {
    for (let k = 0; k < vector.ids.length; k++) {
      const at = filled[vector.ids[k]!]!++;
      all.papers[at] = paper;
      all.weights[at] = vector.weights[k]!;
    }
  });

  const index: Index = { offsets: new Int32Array(termCount + 1), papers: new Int32Array(all.papers.length), weights: new Float64Array(all.papers.length) };
  let end = 0;
  for (let t = 0; t < termCount; t++) {
    const from = all.offsets[t]!;
    const length = all.offsets[t + 1]! - from;
    if (length <= POSTINGS_LIMIT) {
      index.papers.set(all.papers.subarray(from, from + length), end);
      index.weights.set(all.weights.subarray(from, from + length), end);
      end += length;
    } else {
      for (const k of heaviest(all.weights.subarray(from, from + length), POSTINGS_LIMIT)) {
        index.papers[end] = all.papers[from + k]!;
        index.weights[end++] = all.weights[from + k]!;
      }
    }
    index.offsets[t + 1] = end;
  }
  return index;
}

/**
 * The positions of the `limit` highest values (ties: lower positions), among `positions` or all of
 * them, in no particular order. A bounded heap keeps the best so far, so a long list costs little
 * more than one pass over it.
 */
function heaviest(values: ArrayLike<number>, limit: number, positions?: readonly number[]): number[] {
  const length = positions ? positions.length : values.length;
  // `worse(a, b)`: a ranks below b. The heap keeps the worst of the best at its root.
  const worse = (a: number, b: number) => values[a]! < values[b]! || (values[a] === values[b] && a > b);
  const heap: number[] = [];
  for (let i = 0; i < length; i++) {
    const k = positions ? positions[i]! : i;
    if (heap.length < limit) {
      heap.push(k);
      for (let c = heap.length - 1; c > 0; ) {
        const parent = (c - 1) >> 1;
        if (!worse(heap[c]!, heap[parent]!)) break;
        const swap = heap[c]!;
        heap[c] = heap[parent]!;
        heap[parent] = swap;
        c = parent;
      }
    } else if (limit > 0 && worse(heap[0]!, k)) {
      heap[0] = k;
      for (let c = 0; ; ) {
        const left = 2 * c + 1;
        const right = left + 1;
        let lowest = c;
        if (left < limit && worse(heap[left]!, heap[lowest]!)) lowest = left;
        if (right < limit && worse(heap[right]!, heap[lowest]!)) lowest = right;
        if (lowest === c) break;
        const swap = heap[c]!;
        heap[c] = heap[lowest]!;
        heap[lowest] = swap;
        c = lowest;
      }
    }
  }
  return heap;
}

/** The cosine of two unit vectors (term ids ascending in both). */
function cosine(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else sum += a.weights[i++]! * b.weights[j++]!;
  }
  return sum;
}

/**
 * The terms that explain a link, as `a` writes them: the heaviest shared terms first, a word
 * pair standing in for its own words ("KV cache", not "KV", "cache" and "KV cache").
 */
function explainingTerms(a: Vector, b: Vector, vocabulary: Vocabulary): string[] {
  const sharedIds: number[] = [];
  const contributions: number[] = [];
  const surfaceAt: number[] = [];
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      sharedIds.push(x);
      contributions.push(a.weights[i]! * b.weights[j]!);
      surfaceAt.push(i);
      i++;
      j++;
    }
  }
  // A pair may replace words already chosen, so a few more terms than shown are considered.
  const strongest = heaviest(contributions, 4 * MAX_EXPLAINING_TERMS).sort((p, q) => contributions[q]! - contributions[p]! || p - q);
  const chosen: { at: number; words: readonly number[] }[] = [];
  for (const k of strongest) {
    const id = sharedIds[k]!;
    const words = vocabulary.words(id);
    // A word inside a chosen pair, or a pair overlapping a chosen pair ("time series", "series forecasting"), adds nothing.
    if (chosen.some((term) => words.some((word) => term.words.includes(word)) && (words.length === 1 || term.words.length > 1))) continue;
    // A pair takes the place of the single words it contains, even when the list is full.
    const replaced = chosen.findIndex((term) => words.includes(term.words[0]!));
    if (replaced >= 0) {
      chosen[replaced] = { at: surfaceAt[k]!, words };
      for (let c = chosen.length - 1; c > replaced; c--) if (words.includes(chosen[c]!.words[0]!)) chosen.splice(c, 1);
    } else if (chosen.length < MAX_EXPLAINING_TERMS) {
      chosen.push({ at: surfaceAt[k]!, words });
    }
  }
  return chosen.map(({ at }) => surfaceForm(a.source, a.spans[2 * at]!, a.spans[2 * at + 1]!));
}

function topicOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  const shared = b.filter((topic) => set.has(topic)).length;
  return shared / (set.size + b.length - shared);
}

/**
 * The `count` most related papers of every paper, best first; ties go to the smaller id. A paper
 * that shares no term with any other gets an empty list. The result is the same for the same
 * input, whatever its order.
 */
export function computeRelated(papers: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedLink[]> {
  const count = options.count ?? 5;
  // Sorting first makes every tie, and every floating-point sum, independent of input order.
  const sorted = [...papers].sort((a, b) => compareIds(a.id, b.id));
  const { vectors, vocabulary } = buildVectors(sorted);
  const index = buildIndex(vectors, vocabulary.size());
  const scores = new Float64Array(sorted.length);
  const touched: number[] = [];
  const related = new Map<string, RelatedLink[]>();

  sorted.forEach((paper, self) => {
    const vector = vectors[self]!;
    for (let k = 0; k < vector.queryIds.length; k++) {
      const term = vector.queryIds[k]!;
      const weight = vector.queryWeights[k]!;
      for (let p = index.offsets[term]!; p < index.offsets[term + 1]!; p++) {
        const other = index.papers[p]!;
        if (other === self) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight * index.weights[p]!;
      }
    }
    const candidates = heaviest(scores, Math.max(MIN_CANDIDATES, 2 * count + 2), touched);
    for (const other of touched) scores[other] = 0;
    touched.length = 0;

    const links = Array.from(candidates, (other) => {
      const text = cosine(vector, vectors[other]!);
      const score = (1 - TOPIC_WEIGHT) * text + TOPIC_WEIGHT * topicOverlap(paper.topics, sorted[other]!.topics);
      return { other, score: Math.round(score * 1e4) / 1e4 };
    });
    links.sort((a, b) => b.score - a.score || a.other - b.other);
    related.set(
      paper.id,
      links
        .filter((link) => link.score > 0)
        .slice(0, count)
        .map(({ other, score }) => ({
          id: sorted[other]!.id,
          score,
          terms: explainingTerms(vector, vectors[other]!, vocabulary),
        })),
    );
  });
  return related;
}
