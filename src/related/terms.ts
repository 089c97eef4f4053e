import { stem } from './stem.ts';

/**
 * The terms of texts for similarity: stemmed words without stop words, and word pairs (two
 * content words next to each other, or with one stop word between, as in "mixture of experts").
 * Terms are numbered by a vocabulary shared by every text read, so that the same term has the
 * same id everywhere; each text also keeps where a term first occurs in it, for display.
 *
 * Reading every title and abstract is a large share of the time related papers take, so it
 * copies no word it already knows: words and pairs are looked up in hash tables over typed
 * arrays, by the characters of the text itself, and every text's terms go into one set of
 * shared lists rather than objects of its own.
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

/** What a UTF-16 code unit is to the reader. */
const UNCLASSIFIED = 0;
const WORD = 1;
const PHRASE_BREAK = 2;
const SEPARATOR = 3;
/**
 * The class of every code unit, filled in the first time it is met: testing a Unicode regular
 * expression per character read costs more than all the rest of reading.
 */
const CHAR_CLASS = new Uint8Array(0x10000);
function charClass(code: number): number {
  const known = CHAR_CLASS[code]!;
  if (known !== UNCLASSIFIED) return known;
  const ch = String.fromCharCode(code);
  const found = LETTER_OR_DIGIT.test(ch) ? WORD : PHRASE_BREAKS.has(ch) ? PHRASE_BREAK : SEPARATOR;
  CHAR_CLASS[code] = found;
  return found;
}

/** "KV", "MoE", "LoRA": a word with a capital after its first letter keeps its case in display. */
function isAcronymLike(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 65 && code <= 90) return true;
    // Beyond ASCII, whatever lowercasing changes is a capital.
    if (code >= 128) return word.slice(i) !== word.slice(i).toLowerCase();
  }
  return false;
}

/**
 * Whether the span already reads as its surface form, as most do: lowercase ASCII words, one
 * space apart (a span starts and ends with a word).
 */
function isPlainLowercase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const isWordCode = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (!isWordCode && (code !== 32 || text.charCodeAt(i - 1) === 32)) return false;
  }
  return true;
}

/**
 * A term as the text writes it, from its span: "Mixture-of-Experts" reads "mixture of experts",
 * "KV-cache" reads "KV cache".
 */
export function surfaceForm(text: string, start: number, end: number): string {
  if (isPlainLowercase(text, start, end)) return text.slice(start, end);
  let form = '';
  for (let i = start; i < end; ) {
    if (charClass(text.charCodeAt(i)) !== WORD) {
      i++;
      continue;
    }
    const from = i;
    while (i < end && charClass(text.charCodeAt(i)) === WORD) i++;
    const word = text.slice(from, i);
    form += (form ? ' ' : '') + (isAcronymLike(word) ? word : word.toLowerCase());
  }
  return form;
}

/** What a word that is not a term reads as: a stop word (a pair may span one), or a word to skip (a pair may not span it). */
const STOP = -1;
const SKIP = -2;

/** `array`, or a copy twice as long if it cannot hold `length` items. */
function withRoom<T extends Int32Array | Uint16Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(length, 2 * array.length));
  bigger.set(array);
  return bigger;
}

/** The slot a hash starts probing at, after mixing its bits (MurmurHash3's finalizer), so that similar keys spread. */
function firstProbe(hash: number, mask: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) & mask;
}

/**
 * Lowercase words and what each reads as (a term id, STOP or SKIP): an open-addressing hash table
 * whose keys are the words' characters, kept one after another in a pool, so that a word is
 * found by comparing the text's own characters and never sliced out of it once known.
 */
class WordTable {
  /** Per slot, side by side so that a probe reads one cache line: the word's hash, where its characters start in the pool, its length (0: empty slot) and its term. */
  private slots = new Int32Array(4 << 14);
  private size = 0;
  private pool = new Uint16Array(1 << 16);
  private poolUsed = 0;

  /** The term of `text[start, end)`, whose hash is `hash`, or undefined for an unknown word. */
  find(text: string, start: number, end: number, hash: number): number | undefined {
    const { slots, pool } = this;
    const mask = (slots.length >> 2) - 1;
    const length = end - start;
    for (let slot = firstProbe(hash, mask); slots[4 * slot + 2] !== 0; slot = (slot + 1) & mask) {
      if (slots[4 * slot] !== hash || slots[4 * slot + 2] !== length) continue;
      const from = slots[4 * slot + 1]!;
      let k = 0;
      while (k < length && pool[from + k] === text.charCodeAt(start + k)) k++;
      if (k === length) return slots[4 * slot + 3]!;
    }
    return undefined;
  }

  /** Adds `text[start, end)` (not in the table yet), reading as `term`. */
  add(text: string, start: number, end: number, hash: number, term: number): void {
    if (4 * (this.size + 1) > 3 * (this.slots.length >> 2)) this.grow();
    const length = end - start;
    this.pool = withRoom(this.pool, this.poolUsed + length);
    for (let k = 0; k < length; k++) this.pool[this.poolUsed + k] = text.charCodeAt(start + k);
    this.place(hash, this.poolUsed, length, term);
    this.poolUsed += length;
    this.size++;
  }

  private place(hash: number, start: number, length: number, term: number): void {
    const { slots } = this;
    const mask = (slots.length >> 2) - 1;
    let slot = firstProbe(hash, mask);
    while (slots[4 * slot + 2] !== 0) slot = (slot + 1) & mask;
    slots[4 * slot] = hash;
    slots[4 * slot + 1] = start;
    slots[4 * slot + 2] = length;
    slots[4 * slot + 3] = term;
  }

  /** Doubles the slots, so that at most three quarters are used and probes stay short. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    for (let at = 0; at < old.length; at += 4) if (old[at + 2] !== 0) this.place(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
  }
}

/** Word pairs (first word's term, second word's term) and their terms: an open-addressing hash table. */
class PairTable {
  /** Per slot, side by side so that a probe reads one cache line: the pair's words (first -1: empty slot), its term, and a spare. */
  private slots = new Int32Array(4 << 14).fill(-1);
  private size = 0;

  /** The term of the pair, or undefined for a new pair. */
  find(first: number, second: number): number | undefined {
    const at = 4 * this.slotOf(first, second);
    return this.slots[at] === -1 ? undefined : this.slots[at + 2]!;
  }

  /** Adds the pair (not in the table yet) as `term`. */
  add(first: number, second: number, term: number): void {
    if (4 * (this.size + 1) > 3 * (this.slots.length >> 2)) this.grow();
    this.place(first, second, term);
    this.size++;
  }

  private place(first: number, second: number, term: number): void {
    const at = 4 * this.slotOf(first, second);
    this.slots[at] = first;
    this.slots[at + 1] = second;
    this.slots[at + 2] = term;
  }

  /** The slot that holds the pair, or the empty slot where it belongs. */
  private slotOf(first: number, second: number): number {
    const { slots } = this;
    const mask = (slots.length >> 2) - 1;
    let slot = firstProbe(Math.imul(first, 0x9e3779b1) ^ second, mask);
    while (slots[4 * slot] !== -1 && (slots[4 * slot] !== first || slots[4 * slot + 1] !== second)) slot = (slot + 1) & mask;
    return slot;
  }

  /** Doubles the slots, so that at most three quarters are used and probes stay short. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length).fill(-1);
    for (let at = 0; at < old.length; at += 4) if (old[at] !== -1) this.place(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}

/**
 * The terms of many texts, in compressed lists: text `t` has the terms `ids[offsets[t]]` up to
 * `ids[offsets[t + 1]]`, in order of first occurrence, with the same positions in `counts`,
 * `starts` and `ends`.
 */
export interface TermLists {
  offsets: Int32Array;
  ids: Int32Array;
  /** How often the term occurs in the text. */
  counts: Int32Array;
  /** Where the term first occurs in the text: its first word's start and its last word's end, in `sources[t]`. */
  starts: Int32Array;
  ends: Int32Array;
  /** Per text, the text the spans index: the one read, or its lowercase copy if lowercasing changed its length. */
  sources: string[];
  /** How many terms there are: term ids are 0 to termCount - 1. */
  termCount: number;
  /** Per term, its words' ids: a word is its own first word and has no second (-1); a pair has two. */
  firstWord: Int32Array;
  secondWord: Int32Array;
}

/** Reads the texts, numbering terms in order of first occurrence over all of them. */
export function readTerms(texts: readonly string[]): TermLists {
  const words = new WordTable();
  const pairs = new PairTable();
  const stemTerms = new Map<string, number>();
  let firstWord = new Int32Array(1 << 14);
  let secondWord = new Int32Array(1 << 14);
  /** Per term: the last text that used it (plus one, so that 0 means none), and its position in that text's list. */
  let lastText = new Int32Array(1 << 14);
  let positionInText = new Int32Array(1 << 14);
  let termCount = 0;
  const newTerm = (first: number, second: number): number => {
    firstWord = withRoom(firstWord, termCount + 1);
    secondWord = withRoom(secondWord, termCount + 1);
    lastText = withRoom(lastText, termCount + 1);
    positionInText = withRoom(positionInText, termCount + 1);
    firstWord[termCount] = first < 0 ? termCount : first;
    secondWord[termCount] = second;
    return termCount++;
  };
  const pairTerm = (first: number, second: number): number => {
    let term = pairs.find(first, second);
    if (term === undefined) {
      term = newTerm(first, second);
      pairs.add(first, second, term);
    }
    return term;
  };

  /** What a word met for the first time reads as. */
  const classify = (word: string): number => {
    if (STOP_WORDS.has(word)) return STOP;
    if (word.length < 2 || !HAS_LETTER.test(word)) return SKIP;
    const stemmed = stem(word);
    let term = stemTerms.get(stemmed);
    if (term === undefined) {
      term = newTerm(-1, -1);
      stemTerms.set(stemmed, term);
    }
    return term;
  };

  const offsets = new Int32Array(texts.length + 1);
  // Room for one term every six characters, more than abstracts have, so that the lists seldom grow.
  let totalLength = 0;
  for (const text of texts) totalLength += text.length;
  const expected = 1024 + Math.ceil(totalLength / 6);
  let ids = new Int32Array(expected);
  let counts = new Int32Array(expected);
  let starts = new Int32Array(expected);
  let ends = new Int32Array(expected);
  let used = 0;
  const sources: string[] = [];

  texts.forEach((text, t) => {
    const lower = text.toLowerCase();
    // toLowerCase keeps the length of ordinary text; where it does not, spans index the lowercase copy.
    sources.push(lower.length === text.length ? text : lower);
    // A text of length L has at most L + 1 terms: a word and a pair for every two characters or more.
    const room = used + lower.length + 1;
    ids = withRoom(ids, room);
    counts = withRoom(counts, room);
    starts = withRoom(starts, room);
    ends = withRoom(ends, room);
    const textMark = t + 1;
    const listStart = used;
    const count = (term: number, start: number, end: number) => {
      if (lastText[term] === textMark) {
        counts[listStart + positionInText[term]!]!++;
        return;
      }
      lastText[term] = textMark;
      positionInText[term] = used - listStart;
      ids[used] = term;
      counts[used] = 1;
      starts[used] = start;
      ends[used] = end;
      used++;
    };

    let previous = SKIP;
    let previousStart = 0;
    let stopWordsSince = 0;
    for (let i = 0; i < lower.length; ) {
      const kind = charClass(lower.charCodeAt(i));
      if (kind !== WORD) {
        if (kind === PHRASE_BREAK) previous = SKIP;
        i++;
        continue;
      }
      const start = i;
      // FNV-1a over the word's characters.
      let hash = 0x811c9dc5;
      for (; i < lower.length; i++) {
        const code = lower.charCodeAt(i);
        if (charClass(code) !== WORD) break;
        hash = Math.imul(hash ^ code, 0x01000193);
      }
      let term = words.find(lower, start, i, hash);
      if (term === undefined) {
        term = classify(lower.slice(start, i));
        words.add(lower, start, i, hash, term);
      }
      if (term === STOP) {
        stopWordsSince++;
        continue;
      }
      if (term === SKIP) {
        previous = SKIP;
        continue;
      }
      count(term, start, i);
      if (previous !== SKIP && stopWordsSince <= 1) count(pairTerm(previous, term), previousStart, i);
      previous = term;
      previousStart = start;
      stopWordsSince = 0;
    }
    offsets[t + 1] = used;
  });

  return {
    offsets,
    ids: ids.subarray(0, used),
    counts: counts.subarray(0, used),
    starts: starts.subarray(0, used),
    ends: ends.subarray(0, used),
    sources,
    termCount,
    firstWord: firstWord.subarray(0, termCount),
    secondWord: secondWord.subarray(0, termCount),
  };
}
