/**
 * node scripts/bench/corpus/extract-api-samples.ts <folder of daily-papers API responses>
 *
 * Writes api-samples.json beside this file: the pools and distributions the synthetic API JSON
 * digests draw from (organizations, author names, keywords, AI summaries, titles, upvotes, stars,
 * author counts, and how often each optional field is present). It was run once on the twelve
 * samples in /work/shared/samples/hf-daily-papers-api/; the bench reads only the committed output,
 * so it runs the same anywhere.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : null);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/bench/corpus/extract-api-samples.ts <folder>');
  process.exit(2);
}

const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
const entries: Json[] = files.flatMap((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Json[]);
const papers = entries.map((entry) => (isRecord(entry.paper) ? entry.paper : entry));

const organizations = new Map<string, string>();
const submitters = new Map<string, string>();
for (const [index, paper] of papers.entries()) {
  const organization = isRecord(paper.organization) ? paper.organization : isRecord(entries[index]!.organization) ? entries[index]!.organization : null;
  if (organization && text(organization.name)) organizations.set(text(organization.name)!, text(organization.fullname) ?? text(organization.name)!);
  const by = isRecord(paper.submittedOnDailyBy) ? paper.submittedOnDailyBy : null;
  if (by && text(by.user)) submitters.set(text(by.user)!, text(by.fullname) ?? text(by.user)!);
}
const share = (field: string) => Number((papers.filter((paper) => paper[field] !== undefined && paper[field] !== null).length / papers.length).toFixed(3));
const authorLists = papers.map((paper) => (Array.isArray(paper.authors) ? paper.authors.filter(isRecord) : []));

const extract = {
  source: `${files.length} responses of /api/daily_papers from 2404589803/hf-daily-paper-newsletter-chinese (Apache-2.0), Paper_metadata_download/, commit 7cffe8b89a260c24d18f5c4674d4d2ff2aa09c1d`,
  entries: papers.length,
  shares: {
    organization: share('organization'),
    githubRepo: share('githubRepo'),
    githubStars: share('githubStars'),
    projectPage: share('projectPage'),
    aiKeywords: share('ai_keywords'),
    aiSummary: share('ai_summary'),
    claimedAuthor: Number((authorLists.flat().filter((author) => isRecord(author.user)).length / authorLists.flat().length).toFixed(3)),
  },
  organizations: [...organizations].sort(([a], [b]) => a.localeCompare(b)).map(([id, name]) => ({ id, name })),
  submitters: [...submitters].sort(([a], [b]) => a.localeCompare(b)).map(([id, name]) => ({ id, name })),
  authors: sorted(authorLists.flat().map((author) => text(author.name)).filter((name): name is string => name !== null)),
  keywords: sorted(papers.flatMap((paper) => (Array.isArray(paper.ai_keywords) ? paper.ai_keywords.map(text).filter((keyword): keyword is string => keyword !== null) : []))),
  aiSummaries: sorted(papers.map((paper) => text(paper.ai_summary)).filter((summary): summary is string => summary !== null)),
  titles: sorted(papers.map((paper) => text(paper.title)).filter((title): title is string => title !== null)),
  authorCounts: authorLists.map((authors) => authors.length).filter((count) => count > 0).sort((a, b) => a - b),
  upvotes: papers.map((paper) => paper.upvotes).filter((value): value is number => typeof value === 'number').sort((a, b) => a - b),
  githubStars: papers.map((paper) => paper.githubStars).filter((value): value is number => typeof value === 'number').sort((a, b) => a - b),
};
writeFileSync(new URL('./api-samples.json', import.meta.url), `${JSON.stringify(extract, null, 1)}\n`);
console.log(`api-samples.json: ${extract.organizations.length} organizations, ${extract.authors.length} authors, ${extract.keywords.length} keywords, ${extract.titles.length} titles`);
