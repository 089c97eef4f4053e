import { foldCode, isWordCode, WORD_END, WORD_START } from './required-literals.ts';

/**
 * Finds many literal strings in one pass over a text (an Aho–Corasick automaton), for the
 * classifier's prefilter. Literals are grouped (one group per topic's patterns); a scan tells, per
 * group, where the first occurrence ends and at how many positions occurrences end.
 *
 * The text is read as `required-literals.ts` describes: ASCII letters folded to lowercase, every
 * non-ASCII character as one that no literal holds, and WORD_START and WORD_END at the edges of
 * words. Literals must mark every such edge inside them the same way, as `requiredLiterals` does.
 *
 * So that each character costs one step, a word edge is not a step of its own: the character
 * after it is read as a different symbol (`a` that starts a word, `-` that ends one). A literal
 * that ends with a word edge is recognized without it, and counts once the next character (or the
 * end of the text) shows that the edge is there.
 */

export interface LiteralHits {
  /** Per group: the text index just past the first occurrence of any of its literals, or -1. */
  firstEnd: Int32Array;
  /** Per group: the number of text positions at which an occurrence of one of its literals ends. */
  ends: Int32Array;
}

export interface LiteralScanner {
  scan(text: string): LiteralHits;
}

/** When an occurrence counts: at once, or when the next character is a non-word one (or the text ends), or a word one. */
const NOW = 0;
const BEFORE_NON_WORD = 1;
const BEFORE_WORD = 2;
const KINDS = 3;

const IS_WORD = Uint8Array.from({ length: 128 }, (_, code) => (isWordCode(code) ? 1 : 0));
const WORD_START_CODE = WORD_START.charCodeAt(0);
const WORD_END_CODE = WORD_END.charCodeAt(0);

/**
 * What the scanner reads for an ASCII character: its folded code, plus 128 right after a word edge
 * (the edge's kind follows from the character's: a word character starts a word, another ends one).
 */
function readAs(code: number, afterEdge: boolean): number {
  return foldCode(code) | (afterEdge ? 128 : 0);
}

/** A literal as what the scanner reads, in each of the ways the text can spell it, and when it counts. */
function spellings(literal: string): { spellings: number[][]; kind: number } {
  const codes = [...literal].map((char) => char.charCodeAt(0));
  const last = codes.at(-1);
  const kind = last === WORD_END_CODE ? BEFORE_NON_WORD : last === WORD_START_CODE ? BEFORE_WORD : NOW;
  if (kind !== NOW) codes.pop();
  const read: number[] = [];
  let edgeBefore = false;
  for (const code of codes) {
    if (code === WORD_START_CODE || code === WORD_END_CODE) {
      edgeBefore = true;
      continue;
    }
    read.push(readAs(code, edgeBefore));
    edgeBefore = false;
  }
  // Whether the text has a word edge before the first character is not the literal's business.
  const unanchored = codes[0] !== WORD_START_CODE && codes[0] !== WORD_END_CODE;
  return { spellings: unanchored ? [read, [read[0]! | 128, ...read.slice(1)]] : [read], kind };
}

export function compileLiteralScanner(groups: readonly (readonly string[])[]): LiteralScanner {
  const spelled = groups.map((literals) => literals.map(spellings));
  // The alphabet: symbol 0 for everything no literal holds (every non-ASCII character among it),
  // then one per character (or character after an edge) some literal holds.
  const symbolOf = new Int16Array(256);
  let width = 1;
  for (const literals of spelled) {
    for (const literal of literals) for (const spelling of literal.spellings) for (const read of spelling) if (symbolOf[read] === 0) symbolOf[read] = width++;
  }
  /**
   * By `code + 128 × (the previous character is a word character)`, for an ASCII character: twice
   * the symbol read, plus 1 for a word character. (Every other character reads as symbol 0, and
   * is no word character: 0.)
   */
  const asciiRead = Uint16Array.from({ length: 256 }, (_, index) => {
    const code = index & 127;
    return 2 * symbolOf[readAs(code, IS_WORD[code] !== index >> 7)]! + IS_WORD[code]!;
  });

  // The trie of every spelling: each state's parent and the symbol leading to it, each child by
  // `state × width + symbol`; for the states where literals end, the groups by kind.
  const childOf = new Map<number, number>();
  const parentOf = [0];
  const symbolTo = [0];
  const depthOf = [0];
  const outputs = new Map<number, number[][]>();
  const addOutput = (state: number, kind: number, group: number) => {
    let byKind = outputs.get(state);
    if (!byKind) outputs.set(state, (byKind = [[], [], []]));
    if (!byKind[kind]!.includes(group)) byKind[kind]!.push(group);
  };
  spelled.forEach((literals, group) => {
    for (const { spellings: ways, kind } of literals) {
      for (const spelling of ways) {
        let state = 0;
        for (const read of spelling) {
          const symbol = symbolOf[read]!;
          let child = childOf.get(state * width + symbol);
          if (child === undefined) {
            child = parentOf.length;
            childOf.set(state * width + symbol, child);
            parentOf.push(state);
            symbolTo.push(symbol);
            depthOf.push(depthOf[state]! + 1);
          }
          state = child;
        }
        addOutput(state, kind, group);
      }
    }
  });
  const stateCount = parentOf.length;
  const breadthFirst = Array.from({ length: stateCount }, (_, state) => state).sort((a, b) => depthOf[a]! - depthOf[b]! || a - b);

  // Breadth first: each state's failure (the longest proper suffix of what it read that is also a
  // trie state), and its outputs joined with its failure's, so that it reports every literal
  // ending at a suffix of what it has read.
  const failure = new Int32Array(stateCount);
  for (const state of breadthFirst) {
    const parent = parentOf[state]!;
    if (state === 0 || parent === 0) continue;
    const symbol = symbolTo[state]!;
    let fallback = failure[parent]!;
    while (fallback !== 0 && !childOf.has(fallback * width + symbol)) fallback = failure[fallback]!;
    failure[state] = childOf.get(fallback * width + symbol) ?? 0;
    outputs.get(failure[state]!)?.forEach((groupsOfKind, kind) => {
      for (const reported of groupsOfKind) addOutput(state, kind, reported);
    });
  }

  // Numbered breadth first, so that the states a scan mostly visits (near the root) sit together
  // in memory, and those that report literals last, so that one comparison tells them apart. A
  // state is held as its row's offset in the table.
  const order = [...breadthFirst.filter((state) => !outputs.has(state)), ...breadthFirst.filter((state) => outputs.has(state))];
  const reporting = order.findIndex((state) => outputs.has(state));
  const firstReporting = (reporting === -1 ? stateCount : reporting) * width;
  const offsetOf = new Int32Array(stateCount);
  order.forEach((state, index) => (offsetOf[state] = index * width));
  // The complete transition table, filled one depth at a time: first the edges into the states of
  // that depth (in their parents' rows, complete by then), then each such state's row, a copy of its
  // failure's (shallower, so complete too); the deeper edges come later, over the copy.
  const next = new Int32Array(stateCount * width);
  for (let first = 1, end = 1; first < stateCount; first = end) {
    while (end < stateCount && depthOf[breadthFirst[end]!] === depthOf[breadthFirst[first]!]) end++;
    for (let i = first; i < end; i++) {
      const state = breadthFirst[i]!;
      next[offsetOf[parentOf[state]!]! + symbolTo[state]!] = offsetOf[state]!;
    }
    for (let i = first; i < end; i++) {
      const state = breadthFirst[i]!;
      const failureRow = offsetOf[failure[state]!]!;
      next.copyWithin(offsetOf[state]!, failureRow, failureRow + width);
    }
  }
  /** The groups each state reports, by state index and kind: `reportGroups[reportStart[KINDS × index + kind] …]`. */
  const reportStart = new Int32Array(stateCount * KINDS + 1);
  const reportGroups: number[] = [];
  order.forEach((state, index) => {
    for (let kind = 0; kind < KINDS; kind++) {
      reportGroups.push(...(outputs.get(state)?.[kind] ?? []));
      reportStart[index * KINDS + kind + 1] = reportGroups.length;
    }
  });
  const groupCount = groups.length;

  return {
    scan(text: string): LiteralHits {
      const firstEnd = new Int32Array(groupCount).fill(-1);
      const ends = new Int32Array(groupCount);
      const lastEnd = new Int32Array(groupCount).fill(-1);
      // Reports come in the order of their ends, so a position counts once however many literals end there.
      const report = (slot: number, end: number) => {
        for (let k = reportStart[slot]!; k < reportStart[slot + 1]!; k++) {
          const group = reportGroups[k]!;
          if (lastEnd[group] === end) continue;
          if (lastEnd[group] === -1) firstEnd[group] = end;
          lastEnd[group] = end;
          ends[group]!++;
        }
      };
      const length = text.length;
      let state = 0;
      /** 128 when the previous character is a word character, else 0. */
      let afterWord = 0;
      // One tight loop over every character of every paper: two table look-ups and a comparison.
      for (let i = 0; i < length; i++) {
        const code = text.charCodeAt(i);
        const read = code < 128 ? asciiRead[code | afterWord]! : 0;
        state = next[state + (read >> 1)]!;
        afterWord = (read & 1) << 7;
        if (state >= firstReporting) {
          const index = state / width;
          report(index * KINDS + NOW, i + 1);
          // Literals ending at a word edge: the next character tells whether it is there.
          const following = i + 1 < length ? text.charCodeAt(i + 1) : -1;
          const followedByWord = following >= 0 && following < 128 && IS_WORD[following] === 1;
          report(index * KINDS + (followedByWord ? BEFORE_WORD : BEFORE_NON_WORD), i + 1);
        }
      }
      return { firstEnd, ends };
    },
  };
}
