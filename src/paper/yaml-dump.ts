import yaml from 'js-yaml';

/**
 * `yaml.dump(mapping, FRONTMATTER_DUMP_OPTIONS)`, byte for byte, about ten times faster for the
 * shapes a paper's frontmatter has: a mapping of scalars, lists of scalars or of flat mappings,
 * and flat mappings. Ingest writes thousands of files, and js-yaml's general machinery (type
 * detection, closures, one intermediate string per node) was most of their cost.
 *
 * The scalar styles below follow js-yaml 4's `chooseScalarStyle` and `escapeString` for exactly
 * these options (double quotes, no line width, no block styles from the second level on). Anything
 * else (a multi-line string at the first level, which js-yaml writes as a block literal; a number
 * that is not a safe integer; a nested list; a Date; a very long key) makes the fast writer give
 * up, and js-yaml writes the whole document. Tests compare both over tricky strings and every paper.
 */

export const FRONTMATTER_DUMP_OPTIONS = { lineWidth: -1, noRefs: true, flowLevel: 2, quotingType: '"' } as const;

export function dumpFrontmatter(mapping: Readonly<Record<string, unknown>>): string {
  return dumpFrontmatterFast(mapping) ?? yaml.dump(mapping, FRONTMATTER_DUMP_OPTIONS);
}

/** js-yaml's own tests for plain text that would read back as null, a boolean, a number, a date or a merge key. */
const IMPLICIT_TYPES = (['null', 'bool', 'int', 'float', 'timestamp', 'merge'] as const).map(
  (name) => (yaml as unknown as { types: Record<string, yaml.Type> }).types[name]!,
);
/** Plain words js-yaml quotes for YAML 1.1 readers, which take them for booleans or base-60 numbers. */
const YAML11_BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const YAML11_BASE60 = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const DOUBLE_QUOTE = 0x22;
const SHARP = 0x23;
const COLON = 0x3a;
const BACKSLASH = 0x5c;
const BOM = 0xfeff;
/** Per ASCII code, as bits: INDICATOR (cannot start a plain scalar), FLOW_INDICATOR (ends one in flow style). */
const ASCII_CLASS = new Uint8Array(128);
const INDICATOR = 1;
const FLOW_INDICATOR = 2;
for (const char of '-?:,[]{}#&*!|=>\'"%@`') ASCII_CLASS[char.charCodeAt(0)]! |= INDICATOR;
for (const char of ',[]{}') ASCII_CLASS[char.charCodeAt(0)]! |= FLOW_INDICATOR;

function hasClass(c: number, bit: number): boolean {
  return c < 128 && (ASCII_CLASS[c]! & bit) !== 0;
}

const ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x00, '\\0'],
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x09, '\\t'],
  [0x0a, '\\n'],
  [0x0b, '\\v'],
  [0x0c, '\\f'],
  [0x0d, '\\r'],
  [0x1b, '\\e'],
  [0x22, '\\"'],
  [0x5c, '\\\\'],
  [0x85, '\\N'],
  [0xa0, '\\_'],
  [0x2028, '\\L'],
  [0x2029, '\\P'],
]);

function isPrintable(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0xd7ff && c !== 0x2028 && c !== 0x2029) || (c >= 0xe000 && c <= 0xfffd && c !== BOM) || (c >= 0x10000 && c <= 0x10ffff);
}

function isWhitespace(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isNsCharOrWhitespace(c: number): boolean {
  return isPrintable(c) && c !== BOM && c !== CARRIAGE_RETURN && c !== LINE_FEED;
}

/** Whether `c`, after `previous` (-1 at the start), may stand inside a plain scalar. */
function isPlainSafe(c: number, previous: number, inBlock: boolean): boolean {
  const nsOrWhite = isNsCharOrWhitespace(c);
  const ns = nsOrWhite && !isWhitespace(c);
  return (
    ((inBlock ? nsOrWhite : nsOrWhite && !hasClass(c, FLOW_INDICATOR)) && c !== SHARP && !(previous === COLON && !ns)) ||
    (isNsCharOrWhitespace(previous) && !isWhitespace(previous) && c === SHARP) ||
    (previous === COLON && ns)
  );
}

function isPlainSafeFirst(c: number): boolean {
  return isPrintable(c) && c !== BOM && !isWhitespace(c) && !hasClass(c, INDICATOR);
}

function isPlainSafeLast(c: number): boolean {
  return !isWhitespace(c) && c !== COLON;
}

/** The code point at `i`, pairing surrogates (a lone surrogate stands for itself). */
function codePointAt(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first >= 0xd800 && first <= 0xdbff && i + 1 < text.length) {
    const second = text.charCodeAt(i + 1);
    if (second >= 0xdc00 && second <= 0xdfff) return (first - 0xd800) * 0x400 + second - 0xdc00 + 0x10000;
  }
  return first;
}

function hexEscape(c: number): string {
  const [handle, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${handle}${c.toString(16).toUpperCase().padStart(width, '0')}`;
}

function doubleQuoted(text: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    if (unit >= SPACE && unit <= 0x7e && unit !== DOUBLE_QUOTE && unit !== BACKSLASH) {
      i++; // printable ASCII other than the two escaped: kept as it is
      continue;
    }
    const c = codePointAt(text, i);
    const width = c >= 0x10000 ? 2 : 1;
    const escape = ESCAPES.get(c);
    if (escape || !isPrintable(c)) {
      out += text.slice(run, i) + (escape ?? hexEscape(c));
      run = i + width;
    }
    i += width;
  }
  return `${out}${text.slice(run)}"`;
}

/** A date, which js-yaml's timestamp type resolves: the most common ambiguous text here, answered directly. */
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function isAmbiguous(text: string): boolean {
  // Only the null and boolean words (five letters at most) resolve when they start with a letter.
  const first = text.charCodeAt(0) | 0x20;
  if (first >= 0x61 && first <= 0x7a && text.length > 5) return false;
  return ISO_DATE.test(text) || IMPLICIT_TYPES.some((type) => type.resolve(text));
}

/** Whether YAML 1.1 would read the text as a boolean or a base-60 number (which needs a digit or `_` and a colon). */
function isYaml11Special(text: string): boolean {
  return (text.length <= 3 && YAML11_BOOLEANS.has(text)) || (text.includes(':') && YAML11_BASE60.test(text));
}

/**
 * Anything but printable ASCII other than `#`, `:` and the flow indicators. Text without any is
 * the common case: no character of it (space included, with no `:` before it) can spoil a plain
 * scalar but at its ends, and one native test says so.
 */
const UNUSUAL = /[^\x20-\x7e]|[#:,[\]{}]/;

/** js-yaml's choice for a non-empty string: plain if it may be, else double-quoted, or a block literal. */
function chooseStyle(text: string, singleLine: boolean, inBlock: boolean): 'plain' | 'double' | 'block' {
  let plain = isPlainSafeFirst(codePointAt(text, 0)) && isPlainSafeLast(codePointAt(text, text.length - 1));
  if (!UNUSUAL.test(text)) return plain ? 'plain' : 'double';
  let previous = -1;
  for (let i = 0; i < text.length; ) {
    const c = codePointAt(text, i);
    if (c === LINE_FEED && !singleLine) return 'block';
    if (!isPrintable(c)) return 'double';
    plain &&= isPlainSafe(c, previous, inBlock);
    previous = c;
    i += c >= 0x10000 ? 2 : 1;
  }
  return plain ? 'plain' : 'double';
}

/**
 * A string as js-yaml writes it: plain when it is safe and unambiguous, double-quoted otherwise;
 * null for a multi-line string where block styles are allowed (`singleLine` false).
 */
function writeString(text: string, singleLine: boolean, inBlock: boolean): string | null {
  if (text === '') return '""';
  if (isYaml11Special(text)) return `"${text}"`;
  const style = chooseStyle(text, singleLine, inBlock);
  if (style === 'block') return null;
  return style === 'plain' && !isAmbiguous(text) ? text : doubleQuoted(text);
}

function writeScalar(value: unknown, singleLine: boolean, inBlock: boolean): string | null {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isSafeInteger(value) && (value !== 0 || 1 / value > 0) ? String(value) : null;
  if (typeof value === 'string') return writeString(value, singleLine, inBlock);
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Keys as written, by context: a frontmatter has the same few keys in every paper. */
const writtenKeys = [new Map<string, string | null>(), new Map<string, string | null>()];

/** A key as js-yaml writes it; null for one so long (over 1,024 characters) that it needs `? `. */
function writeKey(key: string, inBlock: boolean): string | null {
  const known = writtenKeys[inBlock ? 1 : 0]!;
  let written = known.get(key);
  if (written === undefined) {
    written = writeString(key, true, inBlock);
    if (written !== null && written.length > 1024) written = null;
    // Remembered while few (keys of hand-made mappings could be anything).
    if (known.size < 256) known.set(key, written);
  }
  return written;
}

/** A flat mapping at the second level, in flow style: `{a: 1, b: c}`. */
function writeFlowMapping(mapping: Record<string, unknown>): string | null {
  const pairs: string[] = [];
  for (const key of Object.keys(mapping)) {
    const value = mapping[key];
    if (value === undefined) continue;
    const writtenKey = writeKey(key, false);
    const writtenValue = writeScalar(value, true, false);
    if (writtenKey === null || writtenValue === null) return null;
    pairs.push(`${writtenKey}: ${writtenValue}`);
  }
  return `{${pairs.join(', ')}}`;
}

/** A value of the top-level mapping, with what separates it from its key (`: ` or a line break). */
function writeTopValue(value: unknown): string | null {
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    let out = '';
    for (const item of value) {
      const written = isPlainObject(item) ? writeFlowMapping(item) : writeScalar(item, true, true);
      if (written === null) return null;
      out += `\n  - ${written}`;
    }
    return out;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return ' {}';
    let out = '';
    for (const [key, item] of entries) {
      const writtenKey = writeKey(key, true);
      const written = writeScalar(item, true, true);
      if (writtenKey === null || written === null) return null;
      out += `\n  ${writtenKey}: ${written}`;
    }
    return out;
  }
  const written = writeScalar(value, false, true);
  return written === null ? null : ` ${written}`;
}

/** The fast writer alone: the document, or null when the mapping holds something it leaves to js-yaml. */
export function dumpFrontmatterFast(mapping: Readonly<Record<string, unknown>>): string | null {
  if (!isPlainObject(mapping)) return null;
  let out = '';
  for (const key of Object.keys(mapping)) {
    const value = mapping[key];
    if (value === undefined) continue;
    const writtenKey = writeKey(key, true);
    const written = writeTopValue(value);
    if (writtenKey === null || written === null) return null;
    out += `${writtenKey}:${written}\n`;
  }
  return out === '' ? '{}\n' : out;
}
