import { z } from 'zod';

/**
 * Rule patterns are JavaScript regular expressions, matched case-insensitively. They are compiled
 * with the `i` flag alone: under `iu`, V8 runs a pattern that starts with `\b` about 20 times
 * slower, and titles and abstracts do not need Unicode property escapes.
 */
export const PATTERN_FLAGS = 'i';

/** A topic's patterns become one alternation, `(?:a)|(?:b)|…`, so a pattern cannot refer back to a group by number or name. */
const BACKREFERENCE = /\\(?:[1-9]|k<)/;

/** A rule pattern, checked when the topic is loaded. */
const pattern = z.string().min(1).superRefine((source, context) => {
  let re: RegExp;
  try {
    re = new RegExp(source, PATTERN_FLAGS);
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
    return;
  }
  if (re.test('')) context.addIssue({ code: 'custom', message: 'matches the empty string, so it would match every paper' });
  if (BACKREFERENCE.test(source)) context.addIssue({ code: 'custom', message: 'backreferences are not supported: a topic\'s patterns are joined into one expression' });
});

/**
 * How a topic picks its papers. A paper gets the topic when a `match` pattern occurs in its
 * title, or when `match` patterns occur at least `min_hits` times in its title and abstract
 * together; and, either way, no `unless` pattern occurs in either.
 */
export const topicRulesSchema = z
  .object({
    /** Patterns for the topic's own vocabulary; overlapping matches count once. Required, at least one. */
    match: z.array(pattern).min(1),
    /**
     * How many occurrences of `match` patterns (in the title and abstract together) a paper
     * needs when its title has none. Raise it for words that an abstract may use in passing.
     * Default: 1.
     */
    min_hits: z.number().int().positive().default(1),
    /** …unless one of these occurs in the title or abstract. Default: []. */
    unless: z.array(pattern).default([]),
  })
  .strict()
  .superRefine((rules, context) => {
    for (const field of ['match', 'unless'] as const) {
      try {
        new RegExp(rules[field].map((source) => `(?:${source})`).join('|'), PATTERN_FLAGS);
      } catch (error) {
        // Each pattern compiles alone (checked above), so the clash is between them, e.g. a group name used twice.
        context.addIssue({ code: 'custom', path: [field], message: `the patterns cannot be joined into one expression: ${(error as Error).message}` });
      }
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
    rules: topicRulesSchema,
  })
  .strict();

export type TopicFrontmatter = z.output<typeof topicSchema>;
/** Rules as written in a file: the fields with defaults may be left out. */
export type TopicRulesInput = z.input<typeof topicRulesSchema>;
/** Rules with the defaults filled in. */
export type TopicRulesOutput = z.output<typeof topicRulesSchema>;
