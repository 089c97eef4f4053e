import { isAscii } from '../digest/text.ts';

/**
 * Two digest entries are the same paper when their titles match ignoring case and punctuation,
 * or when their arXiv ids match. These keys express that: equal key, same paper.
 */
export function titleKey(title: string): string {
  // In ASCII, letters and digits are [a-z0-9] once lowercased, and normalizing changes nothing.
  if (isAscii(title)) return `t:${title.toLowerCase().replace(/[^a-z0-9]+/g, '')}`;
  return `t:${title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')}`;
}

export function arxivKey(arxiv: string): string {
  return `a:${arxiv.toLowerCase()}`;
}

export function identityKeys(paper: { title: string; arxiv: string | null }): string[] {
  return paper.arxiv ? [arxivKey(paper.arxiv), titleKey(paper.title)] : [titleKey(paper.title)];
}
