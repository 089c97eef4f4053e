import type { Problem } from '../digest/entry.ts';
import { schemaProblems, splitFrontmatter } from '../paper/file.ts';
import { readTopicTexts, type ContentPaths } from '../store/content-store.ts';
import { valueHash } from '../ingest/state.ts';
import { compileClassifier } from './classify.ts';
import { topicSchema, type TopicFrontmatter } from './schema.ts';

export interface LoadedTopic {
  slug: string;
  data: TopicFrontmatter;
  body: string;
}

/** Reads and validates every topic file, reporting all problems at once. */
export function loadTopics(paths: ContentPaths): { topics: LoadedTopic[] } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const topics: LoadedTopic[] = [];
  for (const { slug, text } of readTopicTexts(paths)) {
    const file = `${paths.topics}/${slug}.md`;
    const split = splitFrontmatter(file, text);
    if ('problems' in split) {
      problems.push(...split.problems);
      continue;
    }
    const result = topicSchema.safeParse(split.raw);
    if (result.success) topics.push({ slug, data: result.data, body: split.body });
    else problems.push(...schemaProblems(file, result.error.issues));
  }
  return problems.length > 0 ? { problems } : { topics };
}

/** The topic slugs and the classifier their rules make, ready for ingest and classify. */
export function loadTopicRules(paths: ContentPaths) {
  const loaded = loadTopics(paths);
  if ('problems' in loaded) return loaded;
  return {
    slugs: new Set(loaded.topics.map((topic) => topic.slug)),
    /** Changes whenever a topic is added, removed, or has its rules edited. */
    fingerprint: valueHash(loaded.topics.map((topic) => [topic.slug, topic.data.rules])),
    classify: compileClassifier(loaded.topics.map((topic) => ({ slug: topic.slug, rules: topic.data.rules }))),
  };
}
