/**
 * The fixture site (tests/fixtures/site-content), built under the base path /reading-list/ with a
 * repository URL: every page type, links, exact text, hostile text kept inert, missing data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { THEME_BOOTSTRAP } from '../../src/site/theme.ts';
import { abstractOf, elementHtml, listFiles, maskAttributeValues, scriptsOf, textOf, titleOf } from './html.ts';
import { createLinkChecker, describeBroken } from './links.ts';

const site = inject('fixtureSite');
const read = (file: string) => readFileSync(join(site.dist, file), 'utf8');
const files = listFiles(site.dist);
const htmlFiles = files.filter((file) => file.endsWith('.html'));

const HOSTILE_TITLE = `<script>alert(1)</script> *Not emphasis* _nor this_ [not a link](javascript:x) & "quotes" 'apos' \`code\` {braces} 100% $x$ \\ back`;
const HOSTILE_ABSTRACT = [
  'An abstract with <b>tags</b>, <script>alert(2)</script>, *stars*, _underscores_, snake_case, [a link](javascript:alert(3)), ![an image](https://tracker.example/x.png), `ticks`, ~~strike~~, &amp; an entity, a \\backslash, 50% and $5, "quotes" -- dashes... and code at https://github.com/example/repo.',
  '# Not a heading, > not a quote, - not a list.',
  '1. Not a numbered list either; {braces} and | pipes | stay.',
].join('\n\n');

describe('page types', () => {
  it.each([
    'index.html',
    'papers/index.html',
    'upvotes/index.html',
    'papers/script-title/index.html',
    'papers/bare-paper/index.html',
    'topics/index.html',
    'topics/video/index.html',
    'topics/video/feed.xml',
    'topics/compression/index.html',
    'topics/compression/feed.xml',
    'organizations/index.html',
    'organizations/metaresearch/index.html',
    'organizations/ByteDance-Seed/index.html',
    'digests/index.html',
    'digests/2026-04-17-page/index.html',
    'digests/2026-05-02-api/index.html',
    'stats/index.html',
    'search/index.html',
    '404.html',
    'feed.xml',
    'papers.json',
    'papers.bib',
    'sitemap.xml',
    'robots.txt',
    'styles/site.css',
    'scripts/theme.js',
  ])('%s exists', (file) => {
    expect(existsSync(join(site.dist, file))).toBe(true);
  });

  it('has a page for every paper that is not dropped, and none for the dropped one', () => {
    expect(files.filter((file) => /^papers\/[^/]+\/index\.html$/.test(file)).sort()).toEqual([
      'papers/bare-paper/index.html',
      'papers/hand-edited/index.html',
      'papers/script-title/index.html',
      'papers/video-frame-interpolation-2025/index.html',
      'papers/video-quantization-2024/index.html',
    ]);
    for (const file of files.filter((name) => /\.(html|xml|json|bib)$/.test(name))) {
      expect(read(file), file).not.toContain('A dropped paper');
    }
  });

  it('lists every page but the 404 page in the sitemap, with absolute URLs under the base path', () => {
    const locations = [...read('sitemap.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!);
    const pages = htmlFiles.filter((file) => file !== '404.html').map((file) => `${site.siteUrl}${file.replace(/index\.html$/, '')}`);
    expect(locations.sort()).toEqual(pages.sort());
    expect(read('robots.txt')).toContain(`Sitemap: ${site.siteUrl}sitemap.xml`);
  });
});

describe('links', () => {
  const checker = createLinkChecker(site);

  it('every internal link on every page is relative and resolves under the base path', () => {
    const broken = htmlFiles.flatMap((file) => checker.checkPage(file));
    expect(broken, describeBroken(broken)).toEqual([]);
  });

  it('every site URL in the feeds, sitemap and papers.json resolves', () => {
    const exports = files.filter((file) => /\.(xml|json)$/.test(file) && !file.startsWith('pagefind/') && file !== 'manifest.webmanifest');
    expect(exports.length).toBeGreaterThanOrEqual(5);
    const broken = exports.flatMap((file) => checker.checkExport(file));
    expect(broken, describeBroken(broken)).toEqual([]);
  });

  it('the 404 page links under the base path, as it is served at any depth', () => {
    const html = read('404.html');
    expect(html).toContain('href="/reading-list/papers/"');
    expect(html).toContain('href="/reading-list/styles/site.css"');
  });

  it('every outbound link is noopener noreferrer', () => {
    for (const file of htmlFiles) {
      for (const [tag] of read(file).matchAll(/<a\b[^>]*href="https?:[^"]*"[^>]*>/g)) expect(tag, file).toContain('rel="noopener noreferrer"');
    }
  });

  it('loads nothing from Astro bundles or other hosts, and runs no inline script but the theme bootstrap', () => {
    for (const file of htmlFiles) {
      const html = read(file);
      const elements = maskAttributeValues(html);
      expect(html, file).not.toContain('/_astro/');
      expect(html, file).not.toMatch(/\sstyle="/);
      expect(html, file).not.toMatch(/<[a-z]+\b[^>]*\son[a-z]+="/i);
      expect(elements, file).not.toMatch(/<(img|iframe|object|embed)\b/);
      for (const { tag, body } of scriptsOf(html)) {
        if (/\ssrc="/.test(tag)) expect(tag, file).toMatch(/src="((\.\.\/)*|\/reading-list\/)scripts\/(theme|site|search-page|offline-save)\.js"/);
        else if (/type="application\/(ld\+)?json"/.test(tag)) expect(() => JSON.parse(body)).not.toThrow();
        else expect(body, file).toBe(THEME_BOOTSTRAP);
      }
    }
  });
});

describe('a paper page', () => {
  const html = read('papers/script-title/index.html');

  it('shows a <script> title as text, in the page and in the head', () => {
    expect(titleOf(html)).toBe(HOSTILE_TITLE);
    // Only in attribute values (meta description, og:title), where HTML keeps it inert.
    expect(maskAttributeValues(html)).not.toMatch(/<script>alert/);
    expect(textOf(elementHtml(html, /<title>/)!)).toBe(`${HOSTILE_TITLE} · Papers worth reading`);
  });

  it('shows every character of the abstract, and no markup from it', () => {
    expect(abstractOf(html)).toBe(HOSTILE_ABSTRACT);
    const abstract = elementHtml(html, /<div class="abstract">/)!;
    expect(abstract).not.toMatch(/<(b|script|img|em|h1|ol|ul|li|blockquote|code|del)\b/);
  });

  it('lists the facts, with upvotes as a dated snapshot', () => {
    const facts = textOf(elementHtml(html, /<dl class="facts">/)!);
    expect(facts).toContain('AuthorsAda Lovelace, Research and Development Team and Zoë <Ünïcode> Smith');
    expect(facts).toContain('OrganizationMeta <Research> & Co');
    expect(facts).toContain('Published24 May 2024');
    expect(facts).toContain('Upvotes42 (as of 2 May 2026)');
    expect(facts).toContain('Reading statusReading');
  });

  it('links arXiv, the PDF, Hugging Face, the code and the project page', () => {
    const links = elementHtml(html, /<ul class="links">/)!;
    for (const href of [
      'https://arxiv.org/abs/2405.15738',
      'https://arxiv.org/pdf/2405.15738',
      'https://huggingface.co/papers/2405.15738',
      'https://github.com/example/repo',
      'https://project.example/page?a=1&amp;b=2',
    ]) {
      expect(links).toContain(`href="${href}"`);
    }
  });

  it('links its topics, organization and sources relatively', () => {
    expect(html).toContain('<a href="../../topics/video/">Video</a>');
    expect(html).toContain('href="../../organizations/metaresearch/"');
    expect(textOf(html)).toContain('Entry 2 of digest 2026-04-17-page, captured 17 April 2026');
    expect(textOf(html)).toContain('Entry 1 of digest 2026-05-02-api, captured 2 May 2026');
  });

  it('shows the curator’s note as text', () => {
    expect(textOf(elementHtml(html, /<section class="note"[^>]*>/)!)).toContain('Read this <b>twice</b>.\nThe second line of the note.');
  });

  it('links the file to edit in the repository', () => {
    expect(html).toContain('href="https://git.example/curator/reading-list/edit/main/content/papers/script-title.md"');
  });

  it('has a BibTeX entry with real authors and the arXiv eprint', () => {
    const bibtex = textOf(elementHtml(html, /<pre>/)!);
    expect(bibtex).toContain('@misc{script-title,');
    expect(bibtex).toContain('author = {Ada Lovelace and {Research and Development Team} and Zoë <Ünïcode> Smith}');
    expect(bibtex).toContain('eprint = {2405.15738}');
    expect(bibtex).toContain('year = {2024}');
    expect(bibtex).toContain('title = {{<script>alert(1)</script> *Not emphasis* \\_nor this\\_ [not a link](javascript:x) \\& "quotes" \'apos\' `code` \\{braces\\} 100\\% \\$x\\$ \\textbackslash{} back}}');
  });

  it('has a canonical URL, OpenGraph tags and ScholarlyArticle JSON-LD', () => {
    const url = `${site.siteUrl}papers/script-title/`;
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(html).toContain(`<meta property="og:url" content="${url}">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(jsonLd).toMatchObject({ '@type': 'ScholarlyArticle', url, headline: HOSTILE_TITLE, datePublished: '2024-05-24' });
    // The description is the abstract's opening, cut at a word; the page carries it in full.
    expect(HOSTILE_ABSTRACT.replace(/\s+/g, ' ').startsWith(jsonLd.description.replace(/…$/, ''))).toBe(true);
  });

  it('is indexed for search from the content, so the page carries no search markup', () => {
    expect(html).not.toContain('data-pagefind');
    const { shards } = JSON.parse(read('pagefind/shards.json')) as { shards: { id: string; pages: number }[] };
    // The undated papers and the topic pages, then the dated papers.
    expect(shards.map((shard) => shard.id)).toEqual([expect.stringMatching(/^undated-/), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    const topicPages = files.filter((file) => /^topics\/[^/]+\/index\.html$/.test(file)).length;
    expect(shards.reduce((sum, shard) => sum + shard.pages, 0)).toBe(5 + topicPages);
    for (const shard of shards) expect(existsSync(join(site.dist, 'pagefind', shard.id, 'pagefind-entry.json'))).toBe(true);
    expect(files.filter((file) => /^pagefind\/[^/]+\/pagefind-ui\./.test(file))).toEqual([]);
  });

  it('has previous and next links within the list', () => {
    expect(html).toMatch(/<a href="\.\.\/[a-z0-9-]+\/" rel="(prev|next)">/);
  });
});

describe('a paper with nothing but a title and an abstract', () => {
  const html = read('papers/bare-paper/index.html');

  it('shows no empty labels and no dead links', () => {
    const facts = textOf(elementHtml(html, /<dl class="facts">/)!);
    expect(facts).toBe('Added17 April 2026');
    expect(html).not.toMatch(/<dd>\s*<\/dd>/);
    expect(html).not.toMatch(/href=""/);
    expect(html).not.toContain('Topics</h2>');
  });

  it('offers searches by title instead of arXiv links', () => {
    expect(html).toContain('href="https://arxiv.org/search/?query=A+paper+with+nothing+but+a+title+and+an+abstract&amp;searchtype=title"');
    expect(html).toContain('href="https://www.semanticscholar.org/search?q=A+paper+with+nothing+but+a+title+and+an+abstract"');
    expect(html).not.toContain('arxiv.org/abs/');
  });

  it('cites without authors, year or eprint', () => {
    expect(textOf(elementHtml(html, /<pre>/)!)).toBe(
      `@misc{bare-paper,\n  title = {{A paper with nothing but a title and an abstract}},\n  url = {${site.siteUrl}papers/bare-paper/}\n}\n`,
    );
  });
});

describe('a hand-edited abstract', () => {
  const html = read('papers/hand-edited/index.html');

  it('shows raw HTML as text, keeps only https links and no images', () => {
    const abstract = elementHtml(html, /<div class="abstract">/)!;
    expect(textOf(abstract).trim()).toBe('A hand-edited abstract with <em>raw HTML</em>, a javascript link, an image and a good link.');
    expect(abstract).toContain('<a href="https://example.org/page" rel="noopener noreferrer">good link</a>');
    expect(abstract).not.toMatch(/<(em|img)\b|javascript:/);
  });
});

describe('listings', () => {
  it('the home page says what the list is, with totals, newest additions and topics', () => {
    const text = textOf(read('index.html'));
    expect(text).toContain('5 papers');
    expect(text).toContain('2 topics');
    expect(text).toContain('Newest additions');
    expect(text).toContain('Video (3)');
    expect(text.indexOf('Frame interpolation for long videos')).toBeLessThan(text.indexOf('Quantizing video diffusion'));
  });

  it('/papers/ lists newest first and links the upvotes order', () => {
    const html = read('papers/index.html');
    const titles = [...html.matchAll(/<a class="paper-link" href="([^"]*)">/g)].map((match) => match[1]);
    expect(titles[0]).toBe('video-frame-interpolation-2025/');
    expect(titles).toHaveLength(5);
    expect(html).toContain('href="../upvotes/"');
  });

  it('/upvotes/ lists the most upvoted first', () => {
    const titles = [...read('upvotes/index.html').matchAll(/<a class="paper-link" href="([^"]*)">/g)].map((match) => match[1]);
    expect(titles.slice(0, 3)).toEqual(['../papers/script-title/', '../papers/video-quantization-2024/', '../papers/video-frame-interpolation-2025/']);
  });

  it('a topic page shows the introduction, then papers by year, newest first', () => {
    const html = read('topics/video/index.html');
    expect(html).toContain('<strong>video</strong>');
    const years = [...html.matchAll(/<h2 id="year-[^"]*">([^<]*)<\/h2>/g)].map((match) => match[1]);
    expect(years).toEqual(['2025', '2024']);
    expect(html).toContain('href="feed.xml"');
  });

  it('a topic feed holds its papers only', () => {
    const feed = read('topics/compression/feed.xml');
    expect(feed.match(/<entry>/g)).toHaveLength(1);
    expect(feed).toContain(`<id>${site.siteUrl}papers/video-quantization-2024/</id>`);
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${site.siteUrl}topics/compression/feed.xml"/>`);
  });

  it('a digest page keeps the digest’s order and positions', () => {
    const html = read('digests/2026-04-17-page/index.html');
    const positions = [...html.matchAll(/<li value="(\d+)">/g)].map((match) => Number(match[1]));
    expect(positions).toEqual([1, 2, 4, 5]);
    expect(textOf(html)).toContain('captured 17 April 2026: 4 papers in the digest\'s own order, numbered by their position in it. It held 5 entries at its last ingest; the one not shown here was dropped from the list.');
  });

  it('the organizations page counts each organization and the papers with none', () => {
    const text = textOf(read('organizations/index.html'));
    expect(text).toContain('most papers first. 3 papers have no organization in the digests.');
    expect(text).toContain('Meta <Research> & Co (1 paper)');
  });

  it('an organization page lists its papers and links its Hugging Face profile', () => {
    const html = read('organizations/ByteDance-Seed/index.html');
    expect(html).toContain('href="../../papers/video-quantization-2024/"');
    expect(textOf(html)).toContain('1 paper on the list, newest addition first. ByteDance Seed on Hugging Face');
    expect(html).toContain('href="https://huggingface.co/ByteDance-Seed"');
  });

  it('the stats page draws its charts as SVG with a title, a description and a table', () => {
    const html = read('stats/index.html');
    const charts = [...html.matchAll(/<svg class="chart-svg"[^>]*aria-labelledby="([^"]*)"[^>]*>/g)];
    expect(charts.map((match) => match[1])).toEqual(['by-month-title by-month-desc', 'by-topic-title by-topic-desc', 'by-organization-title by-organization-desc', 'by-upvotes-title by-upvotes-desc']);
    expect(html.match(/<title id="[^"]*">/g)).toHaveLength(4);
    expect(html.match(/<desc id="[^"]*">/g)).toHaveLength(4);
    expect(html.match(/<table class="chart-table">/g)).toHaveLength(4);
    expect(textOf(html)).toContain('Meta <Research> & Co1');
    expect(textOf(html)).toContain('5 papers on the list; 2 have an arXiv id, 1 links to code. Each chart is followed by its numbers.');
  });

  it('the search page explains itself without JavaScript and links the listings', () => {
    const html = read('search/index.html');
    expect(textOf(html)).toContain('needs JavaScript');
    for (const path of ['../papers/', '../topics/', '../organizations/', '../digests/']) expect(html).toContain(`href="${path}"`);
  });

  it('every page has a search form that leads to the search page', () => {
    for (const file of htmlFiles) expect(read(file), file).toMatch(/<form class="site-search" role="search" aria-label="Site search" action="([^"]*search\/|\.\/)" method="get">/);
  });
});

describe('exports', () => {
  it('papers.json holds every listed paper with exact text', () => {
    const data = JSON.parse(read('papers.json'));
    expect(data.papers.map((paper: { id: string }) => paper.id)).toHaveLength(5);
    const hostile = data.papers.find((paper: { id: string }) => paper.id === 'script-title');
    expect(hostile).toMatchObject({ title: HOSTILE_TITLE, abstract: HOSTILE_ABSTRACT, url: `${site.siteUrl}papers/script-title/`, arxiv: '2405.15738' });
    expect(hostile).not.toHaveProperty('dropped');
  });

  it('the Atom feed escapes titles and abstracts', () => {
    const feed = read('feed.xml');
    expect(feed).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; *Not emphasis*');
    expect(feed).not.toContain('<script>');
    expect(feed.match(/<entry>/g)).toHaveLength(5);
  });

  it('papers.bib has one entry per listed paper', () => {
    expect(read('papers.bib').match(/^@misc\{/gm)).toHaveLength(5);
  });
});

describe('offline reading', () => {
  // The service worker's first array literal is its shell list (see offline-integration.ts).
  const shell = JSON.parse(/\[("[^"]*",?)+\]/.exec(read('sw.js'))![0]) as string[];
  const offline = JSON.parse(read('offline-pages.json')) as { version: string; pages: string[]; files: string[] };
  const indexChunks = files.filter((file) => /^pagefind\/[^/]+\/index\//.test(file));

  it('precaches what search needs before a query, but not the index chunks', () => {
    const shard = (JSON.parse(read('pagefind/shards.json')) as { shards: { id: string }[] }).shards[0]!.id;
    expect(shell).toEqual(expect.arrayContaining(['search/', 'pagefind/shards.json', `pagefind/${shard}/pagefind.js`, `pagefind/${shard}/wasm.en.pagefind`, `pagefind/${shard}/pagefind-entry.json`]));
    expect(shell.some((path) => path.startsWith(`pagefind/${shard}/`) && /\.pf_meta$/.test(path))).toBe(true);
    expect(shell.some((path) => path.startsWith(`pagefind/${shard}/filter/`))).toBe(true);
    expect(shell.filter((path) => /^pagefind\/[^/]+\/(index|fragment)\//.test(path))).toEqual([]);
  });

  it('saves every paper page and every index chunk with "save the whole list"', () => {
    expect(indexChunks.length).toBeGreaterThan(0);
    expect([...offline.files].sort()).toEqual(indexChunks.sort());
    expect(offline.pages).toEqual(files.filter((file) => /^papers\/[^/]+\/index\.html$/.test(file)).map((file) => file.replace(/index\.html$/, '')).sort());
  });
});
