import type { TopicFrontmatter } from './schema.ts';

export interface TopicRules {
  slug: string;
  rules: TopicFrontmatter['rules'];
}

/**
 * Builds the classifier from the topics' rules: a paper gets every topic one of whose `match`
 * patterns occurs in its title or abstract and none of whose `unless` patterns does.
 */
export function compileClassifier(topics: readonly TopicRules[]) {
  const compiled = topics.map((topic) => ({
    slug: topic.slug,
    match: topic.rules.match.map((source) => new RegExp(source, 'iu')),
    unless: topic.rules.unless.map((source) => new RegExp(source, 'iu')),
  }));
  return (paper: { title: string; abstract: string }): string[] => {
    const text = `${paper.title}\n${paper.abstract}`;
    return compiled
      .filter((topic) => topic.match.some((re) => re.test(text)) && !topic.unless.some((re) => re.test(text)))
      .map((topic) => topic.slug)
      .sort();
  };
}
