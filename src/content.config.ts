import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { digestRecordSchema } from './digest/manifest.ts';
import { paperSchema } from './paper/schema.ts';
import { contentPaths, listTopicSlugs } from './store/content-store.ts';
import { topicSchema } from './topic/schema.ts';

// CONTENT_DIR lets the tests build small fixture sites from their own content folders.
const paths = contentPaths(process.env.CONTENT_DIR);
const idFromFileName = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

export const collections = {
  papers: defineCollection({
    loader: glob({ pattern: '*.md', base: paths.papers, generateId: idFromFileName }),
    schema: paperSchema({ topics: listTopicSlugs(paths) }),
  }),
  topics: defineCollection({
    loader: glob({ pattern: '*.md', base: paths.topics, generateId: idFromFileName }),
    schema: topicSchema,
  }),
  digests: defineCollection({
    loader: file(paths.manifest),
    schema: digestRecordSchema,
  }),
};
