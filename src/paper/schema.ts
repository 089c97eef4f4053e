import { z } from 'zod';
import { isIsoDate } from '../digest/dates.ts';
import { safeExternalUrl } from '../digest/links.ts';

/**
 * The one schema for a paper's frontmatter. Astro's content collection and the ingest script
 * both build it with `paperSchema()`, so the site and the script can never disagree.
 */

/** A calendar date, YYYY-MM-DD. YAML reads an unquoted date as a Date; it is accepted and written back as text. */
export const isoDateField = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().refine(isIsoDate, 'expected a real date written YYYY-MM-DD'),
);

/** An external link: `https:` only, so no `javascript:` or `data:` URL reaches a page. */
export const externalUrlField = z
  .string()
  .refine((value) => safeExternalUrl(value) === value, 'expected a well-formed https:// URL');

export const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/;

export const READING_STATUSES = ['to-read', 'reading', 'read'] as const;

export const sourceSchema = z
  .object({
    /** The digest's file name under `content/digests/`. */
    digest: z.string().min(1),
    /** 1-based position of the entry in that digest. */
    position: z.number().int().positive(),
    /** The digest's capture date. */
    captured: isoDateField,
  })
  .strict();

export const organizationSchema = z
  .object({
    /** Hugging Face handle, e.g. `metaresearch`; it names the organization's page, so it is URL-safe. */
    id: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/, 'expected a handle of letters, digits, `.`, `_` and `-`'),
    /** Display name, e.g. `Meta Research`. */
    name: z.string().min(1),
  })
  .strict();

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface PaperSchemaOptions {
  /** Topic slugs that exist; a paper naming any other topic is invalid. Omit to skip the check. */
  topics?: ReadonlySet<string>;
}

export function paperSchema(options: PaperSchemaOptions = {}) {
  const topicField = z
    .string()
    .regex(slugPattern, 'expected a topic slug (lowercase letters, digits, hyphens)')
    .refine((slug) => !options.topics || options.topics.has(slug), {
      error: (issue) => `unknown topic "${String(issue.input)}" (no content/topics/${String(issue.input)}.md)`,
    });

  return z
    .object({
      /** The paper's title. Required. */
      title: z.string().trim().min(1, 'a title is required'),
      /** arXiv id such as `2405.15738`, or null. Default: null. */
      arxiv: z.string().regex(ARXIV_ID, 'expected an arXiv id such as 2405.15738').nullable().default(null),
      /** Author names, where a digest listed them. Default: []. */
      authors: z.array(z.string().min(1)).default([]),
      /** Number of authors, where known. Default: null. */
      authors_count: z.number().int().positive().nullable().default(null),
      /** The Hugging Face organization that posted it. Default: null. */
      organization: organizationSchema.nullable().default(null),
      /** Publication date. Default: null. */
      published: isoDateField.nullable().default(null),
      /** Upvotes, a snapshot as of `upvotes_as_of`. Default: null. */
      upvotes: z.number().int().nonnegative().nullable().default(null),
      /** The capture date of the digest the upvote count comes from. Default: null. */
      upvotes_as_of: isoDateField.nullable().default(null),
      /** Code repositories (GitHub, GitLab). Default: []. */
      code: z.array(externalUrlField).default([]),
      /** GitHub stars of the first repository, as of capture. Default: null. */
      github_stars: z.number().int().nonnegative().nullable().default(null),
      /** The project page. Default: null. */
      project_page: externalUrlField.nullable().default(null),
      /** Hugging Face's AI keywords. Default: []. */
      keywords: z.array(z.string().min(1)).default([]),
      /** Hugging Face's AI one-line summary. Default: null. */
      ai_summary: z.string().min(1).nullable().default(null),
      /** Topic slugs, each a file in `content/topics/`. Default: []. */
      topics: z.array(topicField).default([]),
      /** Every digest entry this paper came from. Default: []. */
      sources: z.array(sourceSchema).default([]),
      /** The day ingest first added this paper. Required. */
      added: isoDateField,
      /** The curator's reading status. Default: null (not set). */
      status: z.enum(READING_STATUSES).nullable().default(null),
      /** The curator's note, shown on the paper page. Default: null. */
      note: z.string().trim().min(1).nullable().default(null),
      /** True hides the paper from the site and keeps ingest from bringing it back. Default: false. */
      dropped: z.boolean().default(false),
    })
    .strict();
}

export type PaperFrontmatter = z.output<ReturnType<typeof paperSchema>>;
export type Source = z.output<typeof sourceSchema>;

/** Frontmatter fields in the order they are written. */
export const PAPER_FIELDS = Object.keys(paperSchema().shape) as (keyof PaperFrontmatter)[];
