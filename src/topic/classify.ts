import { compileLiteralScanner, type LiteralHits } from './literal-scan.ts';
import { requiredLiterals } from './required-literals.ts';
import { PATTERN_FLAGS, topicRulesSchema, type TopicRulesInput, type TopicRulesOutput } from './schema.ts';

export interface TopicRules {
  slug: string;
  rules: TopicRulesInput;
}

export interface ClassifierOptions {
  /**
   * Skip the expressions whose required literals do not occur (default true). Off, every
   * expression runs on every paper: the reference the prefilter is tested against.
   */
  prefilter?: boolean;
}

/**
 * All of a topic's patterns as one global expression (one scan per text, overlaps counted once),
 * and its group of required literals in the scanner.
 */
interface Alternation {
  re: RegExp;
  /** -1 when it has no literals (none known, or no prefilter): the scan cannot rule it out. */
  group: number;
  /** How far before the end of its literal's first occurrence a match may start (see `Requirement`). */
  reach: number;
}

/** Compiles the alternation of `sources`, adding its literals (if any) to `literalGroups` (if given). */
function alternation(sources: readonly string[], literalGroups: string[][] | null): Alternation {
  const source = sources.map((pattern) => `(?:${pattern})`).join('|');
  const required = literalGroups && requiredLiterals(source, PATTERN_FLAGS);
  return {
    re: new RegExp(source, `g${PATTERN_FLAGS}`),
    group: required ? literalGroups.push(required.literals) - 1 : -1,
    reach: required?.reach ?? Infinity,
  };
}

/** Occurrences of `re` in `text` from index `from`, counting no further than `enough`. */
function countHits(re: RegExp, text: string, enough: number, from = 0): number {
  let hits = 0;
  re.lastIndex = from;
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    if (++hits >= enough) break;
    // A pattern with lookarounds may match an empty string somewhere; step past it.
    if (match[0] === '') re.lastIndex++;
  }
  return hits;
}

/**
 * Whether `pattern` occurs at least `enough` times in `subject`, the scanned text or its start. The
 * literal scan often answers "no" without running the expression: every match holds an occurrence
 * of one of the pattern's literals, and non-overlapping matches hold occurrences that end apart.
 * Otherwise the expression runs from where its first match can start at the earliest: no sooner
 * than `reach` characters before the first occurrence ends.
 */
function occurs(pattern: Alternation, hits: LiteralHits, subject: string, enough: number): boolean {
  let from = 0;
  if (pattern.group !== -1) {
    const firstEnd = hits.firstEnd[pattern.group]!;
    if (firstEnd === -1 || firstEnd > subject.length || hits.ends[pattern.group]! < enough) return false;
    from = Math.max(0, firstEnd - pattern.reach);
  }
  return countHits(pattern.re, subject, enough, from) >= enough;
}

/**
 * Builds the classifier from the topics' rules (see `topicRulesSchema`): a paper gets every topic
 * whose `match` patterns occur in its title, or occur `min_hits` times in its title and abstract,
 * provided none of its `unless` patterns occurs. Topics come back sorted.
 *
 * One pass over the text finds the literals every match needs (`required-literals.ts`), and only
 * the expressions whose literals occur run: the same verdicts, for a fraction of the time.
 */
export function compileClassifier(topics: readonly TopicRules[], options: ClassifierOptions = {}) {
  const rules = topics.map((topic) => ({ slug: topic.slug, rules: topicRulesSchema.parse(topic.rules) }));
  // Built on first use: working out the literals and their automaton takes a tenth of a second or
  // so, which a run that classifies nothing (an unchanged list) need not spend.
  let classify: ((paper: { title: string; abstract: string }) => string[]) | null = null;
  return (paper: { title: string; abstract: string }): string[] => (classify ??= buildClassifier(rules, options))(paper);
}

function buildClassifier(topics: readonly { slug: string; rules: TopicRulesOutput }[], { prefilter = true }: ClassifierOptions) {
  const literalGroups: string[][] | null = prefilter ? [] : null;
  const compiled = topics.map(({ slug, rules }) => ({
    slug,
    minHits: rules.min_hits,
    match: alternation(rules.match, literalGroups),
    unless: rules.unless.length > 0 ? alternation(rules.unless, literalGroups) : null,
  }));
  const scanner = compileLiteralScanner(literalGroups ?? []);
  return (paper: { title: string; abstract: string }): string[] => {
    // The title is where the text starts, so one scan serves both. (Joined, the text is one flat
    // string: the scan reads it character by character faster than a concatenation.)
    const text = [paper.title, paper.abstract].join('\n');
    const hits = scanner.scan(text);
    return compiled
      .filter(
        (topic) =>
          (occurs(topic.match, hits, paper.title, 1) || occurs(topic.match, hits, text, topic.minHits)) &&
          !(topic.unless && occurs(topic.unless, hits, text, 1)),
      )
      .map((topic) => topic.slug)
      .sort();
  };
}
