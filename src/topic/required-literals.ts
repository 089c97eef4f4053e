/**
 * What a rule pattern cannot match without: a set of literal strings, at least one of which occurs
 * in every match. The classifier scans a paper once for all of them (`literal-scan.ts`) and runs a
 * topic's regular expressions only when one occurs, which skips most topics for most papers.
 *
 * Soundness matters more than reach: a literal set that missed a real match would silently drop a
 * topic. So the analysis understands only the plain regular-expression syntax the rules use, and
 * anything else it meets (an escape it does not know, a brace that is not a quantifier, the `u` or
 * `v` flag) makes it answer null, "no requirement": the pattern then always runs.
 *
 * Literals are matched against the text as the scanner reads it: ASCII letters folded to lowercase
 * (the `i` flag without `u` folds ASCII letters only to each other, so no other character can match
 * an ASCII one), with WORD_START read before each word character that starts the text or follows a
 * non-word character, and WORD_END after each word character that ends the text or precedes a
 * non-word character. That is where `\b` can hold, so `\bFL\b` needs `⟨WORD_START⟩fl⟨WORD_END⟩`,
 * which the words `flow` and `FLOPs` do not contain.
 */

/** In a literal, the start of a word. */
export const WORD_START = '\u0080';
/** In a literal, the end of a word. */
export const WORD_END = '\u0081';

/** `\b` inside a string being built; resolved into WORD_START or WORD_END, or dropped, by `toLiteral`. */
const MARK = '\u0082';
/** Ends an open start: a string a match begins with and then goes on in ways not worked out. */
const OPEN = '\u0083';

/** The most starts a piece may have before the analysis gives up on listing them. */
const MAX_STARTS = 128;
/** A character class with more members than this is treated as any character. */
const MAX_CLASS = 16;

/**
 * Literals one of which every match contains, and how far from the start of the match the
 * occurrence ends at most (`reach`, in characters; Infinity when unbounded): so no match starts
 * more than `reach` characters before the first occurrence ends.
 */
export interface Requirement {
  literals: ReadonlySet<string>;
  reach: number;
}

/**
 * What is known about the strings a piece of pattern matches. Each starts with one of `starts`:
 * either a whole match (a closed start) or its beginning (an open start, ending in OPEN). When
 * every start is closed, they are exactly what the piece matches.
 */
interface Info {
  /** Null when unknown or too many. */
  starts: ReadonlySet<string> | null;
  /** As the scanner writes literals; null if unknown. */
  required: Requirement | null;
  /** The longest match, in characters (Infinity when unbounded). */
  maxLength: number;
}

function exactly(strings: Iterable<string>): Info {
  const starts = new Set(strings);
  return { starts, required: null, maxLength: Math.max(...[...starts].map(realLength)) };
}

/** A piece of which nothing is known but its longest match. */
function unknown(maxLength: number): Info {
  return { starts: null, required: null, maxLength };
}

const EMPTY = exactly(['']);
const ANY_CHARACTER = unknown(1);
const DIGITS = '0123456789';

class Unsupported extends Error {}

export function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** ASCII letters to lowercase: what the `i` flag without `u` treats as equal. */
export function foldCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function isOpen(start: string): boolean {
  return start.endsWith(OPEN);
}

/** The start, as the beginning of something longer. */
function opened(start: string): string {
  return isOpen(start) ? start : start + OPEN;
}

function literal(char: string): Info {
  const code = char.charCodeAt(0);
  // A non-ASCII character may match other non-ASCII characters case-insensitively: not a literal here.
  return code < 128 ? exactly([String.fromCharCode(foldCode(code))]) : ANY_CHARACTER;
}

/**
 * A start as the scanner reads it: WORD_START and WORD_END wherever the string passes from non-word
 * to word characters and back, and at either end where a `\b` says what lies beyond. Empty when the
 * string holds no character at all.
 */
function toLiteral(start: string): string {
  let out = '';
  let previousIsWord: boolean | null = null;
  let marked = false;
  for (const char of start) {
    if (char === OPEN) break;
    if (char === MARK) {
      marked = true;
      continue;
    }
    const isWord = isWordCode(char.charCodeAt(0));
    // (A `\b` between two word characters, or two non-word ones, cannot hold: dropping it only
    // widens the set.)
    if (previousIsWord === null ? marked : previousIsWord !== isWord) out += isWord ? WORD_START : WORD_END;
    out += char;
    previousIsWord = isWord;
    marked = false;
  }
  if (previousIsWord === null) return '';
  return marked ? out + (previousIsWord ? WORD_END : WORD_START) : out;
}

/** The characters of a start, without its marks. */
function realLength(start: string): number {
  let length = 0;
  for (const char of start) if (char !== MARK && char !== OPEN) length++;
  return length;
}

/**
 * What a set of starts found `offset` characters (at most) into a match guarantees; null when one
 * of them is empty (no guarantee).
 */
function toRequirement(starts: ReadonlySet<string> | null, offset: number): Requirement | null {
  if (!starts) return null;
  const literals = new Set<string>();
  let longest = 0;
  for (const start of starts) {
    const converted = toLiteral(start);
    if (converted === '') return null;
    literals.add(converted);
    longest = Math.max(longest, realLength(start));
  }
  return { literals, reach: offset + longest };
}

/** A requirement of a piece found `offset` characters (at most) into a match. */
function shifted(required: Requirement | null, offset: number): Requirement | null {
  return required && { literals: required.literals, reach: offset + required.reach };
}

/** The more selective of two requirements: longer shortest literal, then fewer literals, then nearer the start. */
function better(a: Requirement | null, b: Requirement | null): Requirement | null {
  if (!a) return b;
  if (!b) return a;
  const shortest = (required: Requirement) => Math.min(...[...required.literals].map((literal) => literal.length));
  const order = shortest(b) - shortest(a) || a.literals.size - b.literals.size || a.reach - b.reach;
  return order > 0 ? b : a;
}

function requiredOf(info: Info): Requirement | null {
  return better(info.required, toRequirement(info.starts, 0));
}

/** The starts of `a` followed by `b` (an open start stays as it is), or null when too many. */
function followedBy(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | null {
  const out = new Set<string>();
  for (const left of a) {
    if (isOpen(left)) out.add(left);
    else for (const right of b) out.add(left + right);
    if (out.size > MAX_STARTS) return null;
  }
  return out;
}

function union(sets: readonly (ReadonlySet<string> | null)[]): Set<string> | null {
  const all = new Set<string>();
  for (const set of sets) {
    if (!set) return null;
    for (const string of set) all.add(string);
  }
  return all;
}

/** `length` repeated up to `times` times (0 × Infinity being 0). */
function repeatedLength(length: number, times: number): number {
  return length === 0 ? 0 : length * times;
}

/** The one string a piece matches (a character, a word), or null when it may match others. */
function singleString(piece: Info): string | null {
  if (!piece.starts || piece.starts.size !== 1 || piece.required) return null;
  const [only] = piece.starts;
  return isOpen(only!) ? null : only!;
}

/** Adjacent pieces that match one string each, as one piece: the same sequence, in fewer steps. */
function joinStrings(pieces: readonly Info[]): Info[] {
  const joined: Info[] = [];
  for (const piece of pieces) {
    const text = singleString(piece);
    const before = joined.length > 0 ? singleString(joined.at(-1)!) : null;
    if (text !== null && before !== null) joined[joined.length - 1] = exactly([before + text]);
    else joined.push(piece);
  }
  return joined;
}

/**
 * A sequence: the starts of consecutive pieces multiply out into longer starts (while there are
 * few enough, and some are still closed). Each such run yields literals, and so does every piece;
 * all of them hold for the whole, and the most selective is kept. Once a run holds an open start,
 * what follows no longer extends that start, so the rest of the sequence is also read on its own.
 */
function sequence(written: readonly Info[]): Info {
  const pieces = joinStrings(written);
  /** Where each piece starts at most, in characters from the start of the match. */
  const offsets = [0];
  for (const piece of pieces) offsets.push(offsets.at(-1)! + piece.maxLength);
  let run: ReadonlySet<string> = new Set(['']);
  let runOffset = 0;
  let starts: ReadonlySet<string> | null = null;
  let firstRun = true;
  let required: Requirement | null = null;
  const endRun = (ended: ReadonlySet<string>) => {
    if (firstRun) starts = ended;
    firstRun = false;
    required = better(required, toRequirement(ended, runOffset));
  };
  pieces.forEach((piece, i) => {
    required = better(required, shifted(piece.required, offsets[i]!));
    const extended = piece.starts && followedBy(run, piece.starts);
    if (extended && ![...extended].every(isOpen)) {
      if (![...run].some(isOpen) && [...extended].some(isOpen)) required = better(required, shifted(requiredOf(sequence(pieces.slice(i + 1))), offsets[i + 1]!));
      run = extended;
    } else if (extended) {
      // Every start is open: nothing that follows can be appended to them.
      endRun(extended);
      run = new Set(['']);
      runOffset = offsets[i + 1]!;
    } else {
      // This piece's starts are unknown, or too many to append: the run ends before it.
      endRun(new Set([...run].map(opened)));
      run = piece.starts ?? new Set(['']);
      runOffset = offsets[piece.starts ? i : i + 1]!;
    }
  });
  const maxLength = offsets.at(-1)!;
  if (firstRun) return { starts: run, required, maxLength };
  endRun(run);
  return { starts, required, maxLength };
}

function alternatives(branches: readonly Info[]): Info {
  if (branches.length === 1) return branches[0]!;
  const starts = union(branches.map((branch) => branch.starts));
  const required = branches.map(requiredOf);
  const literals = union(required.map((requirement) => requirement?.literals ?? null));
  return {
    starts: starts && starts.size <= MAX_STARTS ? starts : null,
    required: literals && { literals, reach: Math.max(...required.map((requirement) => requirement!.reach)) },
    maxLength: Math.max(...branches.map((branch) => branch.maxLength)),
  };
}

function repeat(info: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return info;
  const maxLength = repeatedLength(info.maxLength, max);
  if (min === 0) return max === 1 && info.starts ? { starts: new Set(['', ...info.starts]), required: null, maxLength } : unknown(maxLength);
  // The first occurrence starts the match and carries the requirement; more may follow it.
  const starts = info.starts && new Set([...info.starts].map(opened));
  return { starts, required: requiredOf(info), maxLength };
}

/** A recursive-descent reading of the pattern, computing `Info` as it goes. */
class PatternReader {
  private position = 0;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  read(): Info {
    const info = this.alternation();
    if (this.position !== this.source.length) throw new Unsupported(`unexpected ${this.peek()}`);
    return info;
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.position + offset];
  }

  private next(): string {
    const char = this.source[this.position++];
    if (char === undefined) throw new Unsupported('unexpected end');
    return char;
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.position++;
      branches.push(this.sequence());
    }
    return alternatives(branches);
  }

  private sequence(): Info {
    const pieces: Info[] = [];
    while (this.position < this.source.length && this.peek() !== '|' && this.peek() !== ')') pieces.push(this.quantified());
    return sequence(pieces);
  }

  private quantified(): Info {
    const atom = this.atom();
    const quantifier = this.quantifier();
    return quantifier ? repeat(atom, quantifier.min, quantifier.max) : atom;
  }

  private quantifier(): { min: number; max: number } | null {
    let bounds: { min: number; max: number } | null = null;
    const char = this.peek();
    if (char === '?') bounds = { min: 0, max: 1 };
    else if (char === '*') bounds = { min: 0, max: Infinity };
    else if (char === '+') bounds = { min: 1, max: Infinity };
    if (bounds) {
      this.position++;
    } else if (char === '{') {
      const braces = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.position));
      // Outside `u` mode a brace that is no quantifier is a literal brace: not worth supporting.
      if (!braces) throw new Unsupported('a brace that is not a quantifier');
      this.position += braces[0].length;
      const min = Number(braces[1]);
      bounds = { min, max: braces[2] ? (braces[3] ? Number(braces[3]) : Infinity) : min };
    } else {
      return null;
    }
    if (this.peek() === '?') this.position++; // lazy: the same strings
    return bounds;
  }

  private atom(): Info {
    const char = this.next();
    switch (char) {
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape();
      case '.':
        return ANY_CHARACTER;
      case '^':
      case '$':
        return EMPTY;
      case '{':
      case '}':
      case ']':
      case '*':
      case '+':
      case '?':
      case ')':
      case '|':
        throw new Unsupported(`a bare ${char}`);
      default:
        return literal(char);
    }
  }

  private group(): Info {
    let lookaround = false;
    if (this.peek() === '?') {
      const opener = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.source.slice(this.position));
      // Anything else, such as modifiers `(?i:…)`, is not modelled.
      if (!opener) throw new Unsupported('an unknown group');
      lookaround = ['?=', '?!', '?<=', '?<!'].includes(opener[0]);
      this.position += opener[0].length;
    }
    const inner = this.alternation();
    if (this.next() !== ')') throw new Unsupported('an unclosed group');
    // A lookaround consumes nothing: what it looks at is not part of the match.
    return lookaround ? EMPTY : inner;
  }

  private escape(): Info {
    const char = this.next();
    if (char === 'b') return exactly([MARK]);
    if (char === 'B') return EMPTY;
    if (char === 'd') return exactly(DIGITS);
    if ('DwWsS'.includes(char)) return ANY_CHARACTER;
    if (/^[!-/:-@[-`{-~]$/.test(char)) return literal(char);
    // Other letters and digits escape to control characters, code points, backreferences, properties…
    throw new Unsupported(`the escape \\${char}`);
  }

  /** A class of a few ASCII characters is exact: one string per (folded) member. */
  private characterClass(): Info {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.position++;
    }
    const members = new Set<string>();
    let literalOnly = true;
    /** One member: a character's code, `\d`, or null for another class escape. */
    const member = (): number | typeof DIGITS | null => {
      const char = this.next();
      if (char !== '\\') return char.charCodeAt(0);
      const escaped = this.next();
      if (escaped === 'd') return DIGITS;
      if ('DwWsS'.includes(escaped)) return null;
      if (/^[!-/:-@[-`{-~]$/.test(escaped)) return escaped.charCodeAt(0);
      throw new Unsupported(`the escape \\${escaped} in a class`);
    };
    while (this.peek() !== ']') {
      const from = member();
      let to = from;
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.position++;
        to = member();
      }
      if (from === DIGITS && to === DIGITS) {
        for (const digit of DIGITS) members.add(digit);
      } else if (typeof from !== 'number' || typeof to !== 'number' || from > to || to >= 128 || to - from >= MAX_CLASS) {
        // A class escape in a range, a wide range or a non-ASCII member: the class is no literal.
        literalOnly = false;
      } else {
        for (let code = from; code <= to; code++) members.add(String.fromCharCode(foldCode(code)));
      }
    }
    this.position++;
    if (negated || !literalOnly || members.size === 0 || members.size > MAX_CLASS) return ANY_CHARACTER;
    return exactly(members);
  }
}

/**
 * Literals one of which every match of `source` (compiled with `flags`) contains, as the scanner
 * reads text, and their reach; null when the pattern has no such set or uses syntax this analysis
 * does not know.
 */
export function requiredLiterals(source: string, flags: string): { literals: string[]; reach: number } | null {
  // `u` and `v` change case folding and escapes; only the folding of ASCII letters is modelled
  // (folding the text and the literals alike also covers a case-sensitive pattern).
  if (/[uv]/.test(flags)) return null;
  try {
    const required = requiredOf(new PatternReader(source).read());
    return required && { literals: [...required.literals].sort(), reach: required.reach };
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}
