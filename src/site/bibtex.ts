/** BibTeX entries: one per paper page, all of them in `papers.bib`. */

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/**
 * Text made safe inside a braced BibTeX field: TeX's special characters escaped (so braces always
 * balance and nothing runs as a macro), line breaks and control characters turned into spaces.
 */
export function bibtexEscape(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/[\\{}$&%#_^~]/g, (character) => SPECIAL[character]!)
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** An author name; braced whole when it holds the word "and", which BibTeX would split on. */
function bibtexName(name: string): string {
  const escaped = bibtexEscape(name);
  return /\band\b/i.test(escaped) ? `{${escaped}}` : escaped;
}

export interface BibtexInput {
  /** The citation key: the paper's slug, unique across the list. */
  key: string;
  title: string;
  /** Author names; the field is left out when none are known. */
  authors: readonly string[];
  /** List at most this many, then BibTeX's `and others`. Default: all. */
  maxAuthors?: number;
  year: number | null;
  arxiv: string | null;
  /** The best link to the paper: the arXiv abstract, the project page or this site's page. */
  url: string;
}

/** One `@misc` entry with the fields that are known, and no empty ones. */
export function bibtexEntry(input: BibtexInput): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9:._-]*$/.test(input.key)) throw new Error(`"${input.key}" cannot be a BibTeX key`);
  const fields: [string, string][] = [['title', `{${bibtexEscape(input.title)}}`]];
  if (input.authors.length > 0) {
    const listed = input.authors.slice(0, input.maxAuthors ?? input.authors.length).map(bibtexName);
    if (listed.length < input.authors.length) listed.push('others');
    fields.push(['author', listed.join(' and ')]);
  }
  if (input.year !== null) fields.push(['year', String(input.year)]);
  if (input.arxiv) fields.push(['eprint', bibtexEscape(input.arxiv)], ['archivePrefix', 'arXiv']);
  // URLs are written verbatim, as the url package reads them; a parsed URL holds no braces or backslashes.
  if (/^https?:\/\/[^\s{}\\]+$/.test(input.url)) fields.push(['url', input.url]);
  return `@misc{${input.key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}
