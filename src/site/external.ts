/**
 * Every link that leaves the site is built here, from validated parts, and checked once more:
 * a page never writes an external `href` that is not a well-formed `https:` URL.
 */
import { safeExternalUrl } from '../digest/links.ts';
import type { PaperFrontmatter } from '../paper/schema.ts';
import type { SiteConfig } from './config.ts';

/** `rel` for every outbound link. */
export const EXTERNAL_REL = 'noopener noreferrer';

export interface ExternalLink {
  label: string;
  href: string;
}

/** The `https:` form of a URL, or null when it is not a safe external link. */
export function externalHref(url: string): string | null {
  const safe = safeExternalUrl(url);
  return safe && safe.startsWith('https://') ? safe : null;
}

function link(label: string, url: string): ExternalLink[] {
  const href = externalHref(url);
  return href ? [{ label, href }] : [];
}

function withQuery(base: string, query: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
}

/** `github.com/owner/repo` for a repository URL, for a readable link label. */
export function repositoryLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}

export const arxivAbsUrl = (id: string) => `https://arxiv.org/abs/${id}`;
export const arxivPdfUrl = (id: string) => `https://arxiv.org/pdf/${id}`;
export const huggingFacePaperUrl = (id: string) => `https://huggingface.co/papers/${id}`;
export const arxivTitleSearchUrl = (title: string) => withQuery('https://arxiv.org/search/', { query: title, searchtype: 'title' });
export const semanticScholarSearchUrl = (title: string) => withQuery('https://www.semanticscholar.org/search', { q: title });

/**
 * A paper's outbound links, in reading order: with an arXiv id, the abstract, PDF and Hugging Face
 * page; without one, searches by title; then code repositories and the project page.
 */
export function paperLinks(paper: Pick<PaperFrontmatter, 'title' | 'arxiv' | 'code' | 'project_page'>): ExternalLink[] {
  const found = paper.arxiv
    ? [
        ...link('arXiv abstract', arxivAbsUrl(paper.arxiv)),
        ...link('PDF', arxivPdfUrl(paper.arxiv)),
        ...link('Hugging Face paper page', huggingFacePaperUrl(paper.arxiv)),
      ]
    : [...link('Search arXiv by title', arxivTitleSearchUrl(paper.title)), ...link('Search Semantic Scholar by title', semanticScholarSearchUrl(paper.title))];
  for (const repository of paper.code) found.push(...link(`Code: ${repositoryLabel(repository)}`, repository));
  if (paper.project_page) found.push(...link('Project page', paper.project_page));
  return found;
}

/** Where a curator edits the paper's file on the git host, or null when no repository is set. */
export function editUrl(config: Pick<SiteConfig, 'repoUrl' | 'repoBranch'>, slug: string): string | null {
  if (!config.repoUrl) return null;
  return externalHref(`${config.repoUrl}/edit/${config.repoBranch.split('/').map(encodeURIComponent).join('/')}/content/papers/${encodeURIComponent(slug)}.md`);
}
