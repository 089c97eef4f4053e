/**
 * The real text the synthetic lists are recombined from: the four seed digests (titles, abstracts,
 * organizations) and an extract of twelve daily-papers API responses (corpus/api-samples.json:
 * authors, organizations, keywords, summaries and the distributions of upvotes, stars and author
 * counts). Pinned to named files, so that the benchmark's input does not drift as the list grows.
 */
import { readFileSync } from 'node:fs';
import type { Organization } from '../../src/digest/entry.ts';
import { parseDigest } from '../../src/digest/parse.ts';

export const SEED_DIGESTS = ['000_a9fd12fd9daf184b.txt', '001_9204dbbb441ea0bb.txt', '002_cde9bec77300679b.txt', '003_6687e70161778ae6.txt'];

export interface Corpus {
  titles: string[];
  abstracts: string[];
  organizations: Organization[];
  /** Hugging Face users who submit papers to the daily list. */
  submitters: Organization[];
  authors: string[];
  keywords: string[];
  aiSummaries: string[];
  /** Observed values; sampling from them reproduces the real distributions. */
  authorCounts: number[];
  upvotes: number[];
  githubStars: number[];
  /** How often an API entry carries each optional field. */
  shares: { organization: number; githubRepo: number; githubStars: number; projectPage: number; aiKeywords: number; aiSummary: number; claimedAuthor: number };
}

type ApiSamples = Omit<Corpus, 'abstracts'> & { source: string; entries: number };

const REPO_ROOT = new URL('../../', import.meta.url);

export function loadCorpus(): Corpus {
  const api = JSON.parse(readFileSync(new URL('./corpus/api-samples.json', import.meta.url), 'utf8')) as ApiSamples;
  const entries = SEED_DIGESTS.flatMap((file) => {
    const bytes = readFileSync(new URL(`content/digests/${file}`, REPO_ROOT));
    return parseDigest(file, bytes, { today: '2026-11-23' }).entries;
  });
  const organizations = new Map(api.organizations.map((organization) => [organization.id, organization]));
  for (const entry of entries) if (entry.organization) organizations.set(entry.organization.id, entry.organization);
  return {
    titles: [...new Set([...entries.map((entry) => entry.title), ...api.titles])],
    abstracts: [...new Set(entries.map((entry) => entry.abstract).filter((abstract) => abstract !== ''))],
    organizations: [...organizations.values()],
    submitters: api.submitters,
    authors: api.authors,
    keywords: api.keywords,
    aiSummaries: api.aiSummaries,
    authorCounts: api.authorCounts,
    upvotes: api.upvotes,
    githubStars: api.githubStars,
    shares: api.shares,
  };
}
