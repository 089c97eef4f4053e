/**
 * A Sätteri hast plugin that keeps Markdown bodies inert and on-site, whoever wrote them:
 * - raw HTML is shown as text, never parsed (ingest escapes `<`, but a hand edit might not);
 * - a link keeps its text, and stays a link only when it is a well-formed `https:` URL (an
 *   `http:` autolink such as `www.example.org` is upgraded) or a `#fragment` in the page;
 *   outbound links get `rel="noopener noreferrer"`;
 * - an image becomes its alt text, so no request leaves the site.
 */
import { EXTERNAL_REL, externalHref } from './external.ts';

interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: unknown[];
}

interface HastRaw {
  type: 'raw';
  value: string;
}

interface VisitorContext {
  replaceNode(node: never, replacement: unknown): void;
  setProperty(node: never, key: string, value: unknown): void;
}

export const inertMarkdownPlugin = {
  name: 'reading-list:inert-markdown',
  element: {
    filter: ['a', 'img'],
    visit(node: HastElement, ctx: VisitorContext): void {
      if (node.tagName === 'img') {
        const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
        ctx.replaceNode(node as never, alt ? [{ type: 'text', value: alt }] : []);
        return;
      }
      const href = typeof node.properties.href === 'string' ? node.properties.href : '';
      if (/^#[^\s]+$/.test(href)) return;
      const safe = externalHref(href);
      if (!safe) {
        ctx.replaceNode(node as never, node.children);
        return;
      }
      ctx.setProperty(node as never, 'href', safe);
      ctx.setProperty(node as never, 'rel', EXTERNAL_REL.split(' '));
    },
  },
  raw(node: HastRaw, ctx: VisitorContext): void {
    ctx.replaceNode(node as never, { type: 'text', value: node.value });
  },
};
