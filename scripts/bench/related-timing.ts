/**
 * Times `computeRelated` (src/related/related.ts) in this process on the ingested papers, as the
 * build would call it: ids are slugs, abstracts plain text, topics as ingest classified them.
 * Reading the files is not timed. Reports "n/a" while the module does not exist.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitFrontmatter } from '../../src/paper/file.ts';
import { markdownToPlainText } from '../../src/paper/markdown.ts';
import { contentPaths, readPaperTexts } from '../../src/store/content-store.ts';
import type { StageOutcome } from './figures.ts';

export interface RelatedInput {
  id: string;
  title: string;
  abstract: string;
  topics: readonly string[];
}

type ComputeRelated = (papers: readonly RelatedInput[], options?: { count?: number }) => Map<string, unknown[]>;

const RELATED_MODULE = new URL('../../src/related/related.ts', import.meta.url);

export function readRelatedInput(contentDir: string): RelatedInput[] {
  const papers: RelatedInput[] = [];
  for (const { slug, text } of readPaperTexts(contentPaths(contentDir))) {
    const split = splitFrontmatter(slug, text);
    if ('problems' in split || split.raw.dropped === true) continue;
    const topics = Array.isArray(split.raw.topics) ? split.raw.topics.filter((topic): topic is string => typeof topic === 'string') : [];
    papers.push({ id: slug, title: String(split.raw.title), abstract: markdownToPlainText(split.body), topics });
  }
  return papers;
}

export async function timeRelated(contentDir: string): Promise<StageOutcome> {
  if (!existsSync(RELATED_MODULE)) return { unavailable: `${fileURLToPath(RELATED_MODULE)} does not exist yet` };
  let computeRelated: ComputeRelated;
  try {
    // A specifier in a variable: the module may not exist yet when this file is type-checked.
    const specifier = RELATED_MODULE.href;
    ({ computeRelated } = (await import(specifier)) as { computeRelated: ComputeRelated });
    if (typeof computeRelated !== 'function') return { unavailable: 'src/related/related.ts exports no computeRelated function' };
  } catch (error) {
    return { crashed: `importing src/related/related.ts: ${(error as Error).stack ?? error}` };
  }
  const papers = readRelatedInput(contentDir);
  try {
    const started = performance.now();
    computeRelated(papers);
    const wallSeconds = (performance.now() - started) / 1000;
    return { wallSeconds, peakRssMb: null, papersPerSecond: papers.length / wallSeconds };
  } catch (error) {
    return { crashed: `computeRelated: ${(error as Error).stack ?? error}` };
  }
}
