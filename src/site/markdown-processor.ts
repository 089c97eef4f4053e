/**
 * The one Markdown processor of the site: Astro renders topic introductions with it (see
 * astro.config.mjs) and the paper pages render abstracts with `renderMarkdown`, so both follow the
 * same rules. Abstracts must show exactly what the digest said: no curly quotes, no en dashes.
 * The inert plugin keeps any body inert: raw HTML shows as text, links stay https-only, images
 * become alt text. Code is not highlighted: a highlighter would add inline styles the CSP refuses.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { inertMarkdownPlugin } from './markdown-safety.ts';

export const markdownProcessor = satteri({ features: { smartPunctuation: false }, hastPlugins: [inertMarkdownPlugin] });

/** Astro's one Markdown option the processor does not hold itself, set here once for both uses. */
export const markdownOptions = { syntaxHighlight: false } as const;

let renderer: ReturnType<typeof markdownProcessor.createRenderer> | undefined;

/** A Markdown body as HTML, rendered by the site's processor. */
export async function renderMarkdown(markdown: string): Promise<string> {
  renderer ??= markdownProcessor.createRenderer(markdownOptions);
  return (await (await renderer).render(markdown, { frontmatter: {} })).code;
}
