import { stem } from './stem.ts';

/**
 * The terms of a text for similarity: stemmed words without stop words, and word pairs (two
 * content words next to each other, or with one stop word between, as in "mixture of experts").
 * Terms are numbered by a vocabulary shared by every text read, so that the same term has the
 * same id everywhere; each text also keeps the surface form a term first had in it, for display.
 */

/** English function words, and the boilerplate every abstract uses ("we propose a novel method"). */
const STOP_WORDS = new Set(
  `a about above across after again against all almost along also although always among an and another any are around as at
  be became because been before being below between both but by call called can cannot could did do does doing done down due
  during each either else enough especially etc even ever every few for from further had has have having he her here hers
  herself him himself his how however i if in into is it its itself just least less like made make makes making many may
  might more most much must my neither no nor not of off often on once one only onto or other others our ours ourselves out
  over own per rather same several shall she should since so some such than that the their theirs them themselves then there
  therefore these they this those though through thus to together too toward towards under until up upon us very via was we
  well were what when where whether which while who whom whose why will with within without would yet you your yours
  abstract achieve achieved achieves achieving address addresses approach approaches based demonstrate demonstrates existing
  experiment experiments experimental furthermore introduce introduces introduced key moreover method methods new novel
  outperform outperforms paper present presents previous propose proposed proposes provide provides recent recently result
  results show shows shown significant significantly study studies use used uses using various work works
  able allow allows certain different enable enables first given second self specific top two three four five`
    .split(/\s+/)
    .filter(Boolean),
);

/** Punctuation that ends a phrase: no word pair spans it. Hyphens, apostrophes and spaces only separate words. */
const PHRASE_BREAKS = new Set('.,;:!?()[]{}"“”|/\\');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const HAS_LETTER = /\p{L}/u;
/** "KV", "MoE", "LoRA": a word with a capital after its first letter keeps its case in display. */
function isAcronymLike(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const ch = word[i]!;
    if (ch !== ch.toLowerCase()) return true;
  }
  return false;
}
const STOP = -1;
const SKIP = -2;

const WORD = 1;
const BREAK = 2;
/** ASCII characters by class: part of a word, a phrase break, or neither. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  return /[a-zA-Z0-9]/.test(ch) ? WORD : PHRASE_BREAKS.has(ch) ? BREAK : 0;
});

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 ? ASCII_CLASS[code] === WORD : LETTER_OR_DIGIT.test(text[i]!);
}

/** The terms of one text, in order of first occurrence. */
export interface TextTerms {
  /** The text the spans index: the one read, or its lowercase copy if lowercasing changed its length. */
  source: string;
  ids: number[];
  counts: number[];
  /** Where each term first occurs in the text: its first word's start and its last word's end. */
  starts: number[];
  ends: number[];
}

export interface Vocabulary {
  /** Reads one text, numbering any new term. */
  read(text: string): TextTerms;
  /** How many terms have been numbered so far. */
  size(): number;
  /** The word ids of a term: itself for a word, its two words for a pair. */
  words(term: number): readonly number[];
}

/**
 * A term as the text writes it, from its span: "Mixture-of-Experts" reads "mixture of experts",
 * "KV-cache" reads "KV cache".
 */
export function surfaceForm(text: string, start: number, end: number): string {
  const words: string[] = [];
  for (let i = start; i < end; ) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const from = i;
    while (i < end && isWordChar(text, i)) i++;
    const word = text.slice(from, i);
    words.push(isAcronymLike(word) ? word : word.toLowerCase());
  }
  return words.join(' ');
}

export function createVocabulary(): Vocabulary {
  /** Lowercase word → its term id (shared by every word with the same stem), or STOP, or SKIP. */
  const wordIds = new Map<string, number>();
  /** The same, keyed by a hash of the word, so that a known word is found without copying it. */
  const wordsByHash = new Map<number, { word: string; id: number }>();
  const stemIds = new Map<string, number>();
  /** Pair ids by first word id, then second word id. */
  const pairIds: Map<number, number>[] = [];
  /** Per term: its word (itself for a word), the second word of a pair (or -1), the last text that used it, and its slot there. */
  const firstWord: number[] = [];
  const secondWord: number[] = [];
  const seenIn: number[] = [];
  const slotIn: number[] = [];
  let serial = 0;
  const newTerm = (first: number, second: number): number => {
    firstWord.push(first);
    secondWord.push(second);
    seenIn.push(-1);
    slotIn.push(0);
    return firstWord.length - 1;
  };

  const wordId = (lower: string): number => {
    let id = wordIds.get(lower);
    if (id !== undefined) return id;
    if (STOP_WORDS.has(lower)) id = STOP;
    else if (lower.length < 2 || !HAS_LETTER.test(lower)) id = SKIP;
    else {
      const stemmed = stem(lower);
      id = stemIds.get(stemmed);
      if (id === undefined) {
        id = newTerm(firstWord.length, -1);
        stemIds.set(stemmed, id);
      }
    }
    wordIds.set(lower, id);
    return id;
  };

  const pairId = (first: number, second: number): number => {
    const seconds = (pairIds[first] ??= new Map());
    let id = seconds.get(second);
    if (id === undefined) {
      id = newTerm(first, second);
      seconds.set(second, id);
    }
    return id;
  };

  return {
    read(text) {
      const lower = text.toLowerCase();
      // toLowerCase keeps the length of ordinary text; where it does not, spans index the lowercase copy.
      const terms: TextTerms = { source: lower.length === text.length ? text : lower, ids: [], counts: [], starts: [], ends: [] };
      const current = ++serial;
      const count = (id: number, start: number, end: number) => {
        if (seenIn[id] === current) {
          terms.counts[slotIn[id]!]!++;
          return;
        }
        seenIn[id] = current;
        slotIn[id] = terms.ids.length;
        terms.ids.push(id);
        terms.counts.push(1);
        terms.starts.push(start);
        terms.ends.push(end);
      };
      let previous = SKIP;
      let previousStart = 0;
      let stopWordsSince = 0;
      for (let i = 0; i < lower.length; ) {
        if (!isWordChar(lower, i)) {
          const code = lower.charCodeAt(i);
          if (code < 128 ? ASCII_CLASS[code] === BREAK : PHRASE_BREAKS.has(lower[i]!)) previous = SKIP;
          i++;
          continue;
        }
        const start = i;
        let hash = 0;
        for (; i < lower.length && isWordChar(lower, i); i++) hash = (Math.imul(hash, 31) + lower.charCodeAt(i)) & 0x3fffffff;
        const known = wordsByHash.get(hash);
        let id: number;
        if (known && known.word.length === i - start && lower.startsWith(known.word, start)) id = known.id;
        else {
          const word = lower.slice(start, i);
          id = wordId(word);
          if (!known) wordsByHash.set(hash, { word, id });
        }
        if (id === STOP) {
          stopWordsSince++;
          continue;
        }
        if (id === SKIP) {
          previous = SKIP;
          continue;
        }
        count(id, start, i);
        if (previous !== SKIP && stopWordsSince <= 1) count(pairId(previous, id), previousStart, i);
        previous = id;
        previousStart = start;
        stopWordsSince = 0;
      }
      return terms;
    },
    size: () => firstWord.length,
    words: (term) => (secondWord[term]! < 0 ? [firstWord[term]!] : [firstWord[term]!, secondWord[term]!]),
  };
}
