import { z } from 'zod';

/** A rule pattern: a case-insensitive regular expression, checked when the topic is loaded. */
const pattern = z.string().min(1).superRefine((source, context) => {
  try {
    new RegExp(source, 'iu');
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
  }
});

/** The schema of a topic file, `content/topics/<slug>.md`. Its body is the curator's introduction. */
export const topicSchema = z
  .object({
    /** The topic's name, shown as its page heading. Required. */
    title: z.string().trim().min(1),
    /** One line on what belongs here. Required. */
    description: z.string().trim().min(1),
    /** Matching rules, applied to a paper's title and abstract by ingest and `npm run classify`. */
    rules: z
      .object({
        /** A paper matches when any of these patterns occurs. Required, at least one. */
        match: z.array(pattern).min(1),
        /** …unless one of these occurs. Default: []. */
        unless: z.array(pattern).default([]),
      })
      .strict(),
  })
  .strict();

export type TopicFrontmatter = z.output<typeof topicSchema>;
