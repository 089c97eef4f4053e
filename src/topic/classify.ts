import { PATTERN_FLAGS, topicRulesSchema, type TopicRulesInput } from './schema.ts';

export interface TopicRules {
  slug: string;
  rules: TopicRulesInput;
}

/** All of a topic's patterns as one global expression: one scan per text, overlaps counted once. */
function alternation(sources: readonly string[]): RegExp {
  return new RegExp(sources.map((source) => `(?:${source})`).join('|'), `g${PATTERN_FLAGS}`);
}

/** Occurrences of `re` in `text`, counting no further than `enough`. */
function countHits(re: RegExp, text: string, enough: number): number {
  let hits = 0;
  re.lastIndex = 0;
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    if (++hits >= enough) break;
    // A pattern with lookarounds may match an empty string somewhere; step past it.
    if (match[0] === '') re.lastIndex++;
  }
  return hits;
}

/**
 * Builds the classifier from the topics' rules (see `topicRulesSchema`): a paper gets every topic
 * whose `match` patterns occur in its title, or occur `min_hits` times in its title and abstract,
 * provided none of its `unless` patterns occurs. Topics come back sorted.
 */
export function compileClassifier(topics: readonly TopicRules[]) {
  const compiled = topics.map((topic) => {
    const rules = topicRulesSchema.parse(topic.rules);
    return {
      slug: topic.slug,
      minHits: rules.min_hits,
      match: alternation(rules.match),
      unless: rules.unless.length > 0 ? alternation(rules.unless) : null,
    };
  });
  return (paper: { title: string; abstract: string }): string[] => {
    const text = `${paper.title}\n${paper.abstract}`;
    return compiled
      .filter(
        (topic) =>
          (countHits(topic.match, paper.title, 1) > 0 || countHits(topic.match, text, topic.minHits) >= topic.minHits) &&
          !(topic.unless && countHits(topic.unless, text, 1) > 0),
      )
      .map((topic) => topic.slug)
      .sort();
  };
}
