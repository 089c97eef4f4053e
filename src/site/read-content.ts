/**
 * Reads the content the site is built from: every paper file, validated with the same schema
 * ingest uses, the topics and the digest manifest. The pages (through `load-catalog.ts`) and the
 * search index (`search/index-worker.ts`) both read through here.
 *
 * This replaces Astro's content collections: at 10,000 papers their data store took seconds to
 * serialize, was bundled into the build as one JavaScript string, and held gigabytes at 50,000.
 */
import { formatProblem, type Problem } from '../digest/entry.ts';
import { parsePaper } from '../paper/file.ts';
import { paperSchema } from '../paper/schema.ts';
import { listTopicSlugs, readManifest, readPaperTexts, type ContentPaths } from '../store/content-store.ts';
import { loadTopics } from '../topic/load.ts';
import type { DigestInput, PaperInput, TopicInput } from './catalog.ts';

export class InvalidContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(`${count} in the content; nothing was built:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'InvalidContentError';
    this.problems = problems;
    // The list names every file, line and field; where in the build it was found says nothing more.
    this.stack = '';
  }
}

export interface SiteContent {
  /** Every paper, dropped ones included, by id. */
  papers: PaperInput[];
  topics: TopicInput[];
  digests: DigestInput[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Reads and validates everything; throws one error that lists every problem in every file. */
export function readSiteContent(paths: ContentPaths): SiteContent {
  const problems: Problem[] = [];
  const loadedTopics = loadTopics(paths);
  if ('problems' in loadedTopics) problems.push(...loadedTopics.problems);
  const topics = 'topics' in loadedTopics ? loadedTopics.topics.map((topic) => ({ id: topic.slug, data: topic.data, body: topic.body })) : [];

  // Topic slugs by file name: a broken topic file is one problem, not one per paper filed under it.
  const schema = paperSchema({ topics: listTopicSlugs(paths) });
  const papers: PaperInput[] = [];
  for (const { slug, text } of readPaperTexts(paths)) {
    const parsed = parsePaper(`content/papers/${slug}.md`, text, schema);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else papers.push({ id: slug, data: parsed.paper.data, body: parsed.paper.body });
  }

  const manifest = readManifest(paths);
  if ('problems' in manifest) problems.push(...manifest.problems);
  const digests = 'value' in manifest ? Object.entries(manifest.value).map(([file, record]) => ({ file, ...record })) : [];

  if (problems.length > 0) throw new InvalidContentError(problems);
  return { papers: papers.sort(byId), topics: topics.sort(byId), digests };
}
