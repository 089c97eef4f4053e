/** schema.org structured data for paper pages, serialized so that no text can close its script element. */

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` as `\u` escapes,
 * so a title holding `</script>` or `<!--` stays inside the string; U+2028/2029 escaped too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface ScholarlyArticleInput {
  url: string;
  title: string;
  /** A short description; the page itself carries the full abstract, so it is not repeated here. */
  description: string;
  authors: readonly string[];
  published: string | null;
  organization: string | null;
  keywords: readonly string[];
  /** Other pages about the same paper: arXiv, the project page, code. */
  sameAs: readonly string[];
  arxiv: string | null;
}

export function scholarlyArticle(input: ScholarlyArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': input.url,
    url: input.url,
    headline: input.title,
    name: input.title,
    description: input.description,
    ...(input.authors.length > 0 && { author: input.authors.map((name) => ({ '@type': 'Person', name })) }),
    ...(input.published && { datePublished: input.published }),
    ...(input.organization && { sourceOrganization: { '@type': 'Organization', name: input.organization } }),
    ...(input.keywords.length > 0 && { keywords: input.keywords.join(', ') }),
    ...(input.arxiv && { identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: input.arxiv } }),
    ...(input.sameAs.length > 0 && { sameAs: input.sameAs }),
  };
}
