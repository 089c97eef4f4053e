/**
 * Weighs a built site: the whole dist/ folder, and what one paper page costs a reader (its HTML, the
 * CSS it links or inlines, and the JavaScript it loads before the reader touches search).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Script types a browser runs; JSON-LD, import maps and other data blocks are not JavaScript. */
const SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);
const PAGE_SAMPLE = 400;

export interface PageAssets {
  /** External script URLs, as written (`<script src>`, `<link rel=modulepreload>`). */
  scripts: string[];
  inlineScriptBytes: number;
  stylesheets: string[];
  inlineStyleBytes: number;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
}

/** The scripts and styles a page loads by itself, read from its HTML. */
export function pageAssets(html: string): PageAssets {
  const assets: PageAssets = { scripts: [], inlineScriptBytes: 0, stylesheets: [], inlineStyleBytes: 0 };
  for (const [, tag, body] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    if (!SCRIPT_TYPES.has((attribute(tag!, 'type') ?? '').toLowerCase())) continue;
    const src = attribute(tag!, 'src');
    if (src !== null) assets.scripts.push(src);
    else assets.inlineScriptBytes += Buffer.byteLength(body!);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    if (href === null) continue;
    if (rel.includes('stylesheet')) assets.stylesheets.push(href);
    else if (rel.includes('modulepreload') || (rel.includes('preload') && attribute(tag, 'as') === 'script')) assets.scripts.push(href);
  }
  for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) assets.inlineStyleBytes += Buffer.byteLength(body!);
  return assets;
}

export interface SiteWeight {
  distBytes: number;
  distFiles: number;
  paperPages: number;
  htmlAverageBytes: number;
  htmlMaxBytes: number;
  /** The largest paper page, relative to dist/. */
  htmlMaxPage: string;
  /** Largest over the sampled pages (they share one layout, so usually all the same). */
  cssBytes: number;
  jsBytes: number;
  /** The script files behind jsBytes, relative to dist/. */
  jsFiles: string[];
}

function walk(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = walk(path);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += statSync(path).size;
      files++;
    }
  }
  return { bytes, files };
}

/** Where a same-site URL on a page lands in dist/, or null for another origin. */
function fileFor(pagePath: string, href: string): string | null {
  const url = new URL(href, `http://site.invalid${pagePath}`);
  if (url.origin !== 'http://site.invalid') return null;
  return decodeURIComponent(url.pathname).slice(1);
}

export function weighSite(dist: string): SiteWeight | null {
  const { bytes, files } = walk(dist);
  const papersDir = join(dist, 'papers');
  let slugs: string[];
  try {
    slugs = readdirSync(papersDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(papersDir, entry.name, 'index.html')))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return null;
  }
  const sizes = slugs.map((slug) => statSync(join(papersDir, slug, 'index.html')).size);
  const largest = sizes.reduce((best, size, index) => (size > sizes[best]! ? index : best), 0);
  const sizeOf = (file: string) => statSync(join(dist, file)).size;
  let cssBytes = 0;
  let jsBytes = 0;
  let jsFiles: string[] = [];
  const step = Math.max(1, Math.floor(slugs.length / PAGE_SAMPLE));
  for (let index = 0; index < slugs.length; index += step) {
    const pagePath = `/papers/${slugs[index]}/`;
    const assets = pageAssets(readFileSync(join(dist, pagePath, 'index.html'), 'utf8'));
    const local = (hrefs: string[]) => hrefs.map((href) => fileFor(pagePath, href)).filter((file): file is string => file !== null);
    const scripts = local(assets.scripts);
    const css = assets.inlineStyleBytes + local(assets.stylesheets).reduce((sum, file) => sum + sizeOf(file), 0);
    const js = assets.inlineScriptBytes + scripts.reduce((sum, file) => sum + sizeOf(file), 0);
    cssBytes = Math.max(cssBytes, css);
    if (js >= jsBytes) [jsBytes, jsFiles] = [js, scripts];
  }
  return {
    distBytes: bytes,
    distFiles: files,
    paperPages: slugs.length,
    htmlAverageBytes: sizes.length > 0 ? Math.round(sizes.reduce((sum, size) => sum + size, 0) / sizes.length) : 0,
    htmlMaxBytes: sizes[largest] ?? 0,
    htmlMaxPage: slugs[largest] ? `papers/${slugs[largest]}/` : '',
    cssBytes,
    jsBytes,
    jsFiles,
  };
}
