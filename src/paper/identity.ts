/**
 * Two digest entries are the same paper when their titles match ignoring case and punctuation,
 * or when their arXiv ids match. These keys express that: equal key, same paper.
 */
export function titleKey(title: string): string {
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
