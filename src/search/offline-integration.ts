import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleClientScript } from '../client/bundle.ts';
import { routes } from '../site/urls.ts';
import type { ShardList } from './search-shards.ts';

/** Files every visit needs, cached when the service worker installs (those that exist). */
const SHELL_FILES = [
  '',
  'search/',
  'offline/',
  'styles/site.css',
  'scripts/site.js',
  'scripts/theme.js',
  'scripts/search-page.js',
  'scripts/offline-save.js',
  'search-fallback.js',
  'manifest.webmanifest',
  'icon.svg',
];

/** The shards of the full-text index, oldest first; none when the site has no index. */
async function searchShardFolders(dist: string): Promise<string[]> {
  const listPath = `${dist}/${routes.searchShardList}`;
  if (!existsSync(listPath)) return [];
  const list = JSON.parse(await readFile(listPath, 'utf8')) as ShardList;
  return list.shards.map((shard) => routes.searchShard(shard.id));
}

/** A shard's files whose names match, as site paths (`folder` is a subfolder, or '' for the shard's own files). */
async function shardFiles(dist: string, shard: string, folder: string, names: RegExp): Promise<string[]> {
  const path = `${dist}/${shard}${folder}`;
  if (!existsSync(path)) return [];
  const entries = await readdir(path, { withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && names.test(entry.name)).map((entry) => `${shard}${folder}${entry.name}`).sort();
}

/** Pagefind's library and WebAssembly, loaded from the first shard only. */
const LOADER = /^(pagefind\.js|pagefind-worker\.js|wasm\..*)$/;
/** What every shard loads before its first query (with its filters). */
const SHARD_START = /^(pagefind-entry\.json|pagefind\..*\.pf_meta)$/;
const ANY = /./;

/**
 * What search needs before its first query: the shard list, Pagefind's loader and wasm, and each
 * shard's metadata and filters. The index chunks (7 MB at 10,000 papers) are cached as searches
 * use them, and all of them by "save the whole list"; fragments load on demand.
 */
async function pagefindShell(dist: string, shards: readonly string[]): Promise<string[]> {
  if (shards.length === 0) return [];
  const files = [routes.searchShardList, ...(await shardFiles(dist, shards[0]!, '', LOADER))];
  for (const shard of shards) files.push(...(await shardFiles(dist, shard, '', SHARD_START)), ...(await shardFiles(dist, shard, 'filter/', ANY)));
  return files;
}

/** Every shard's index chunks, for "save the whole list". */
async function searchIndexChunks(dist: string, shards: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const shard of shards) files.push(...(await shardFiles(dist, shard, 'index/', ANY)));
  return files;
}

function shellPathExists(dist: string, path: string): boolean {
  return existsSync(path === '' || path.endsWith('/') ? `${dist}/${path}index.html` : `${dist}/${path}`);
}

/**
 * After the build (and after Pagefind): writes the service worker, versioned per build, and the
 * list of paper pages and search index chunks that "save the whole list for offline" fetches.
 */
export function offlineIntegration(): AstroIntegration {
  return {
    name: 'reading-list:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir).replace(/\/$/, '');
        const version = Date.now().toString(36);
        const shards = await searchShardFolders(dist);
        const shell = [...SHELL_FILES.filter((path) => shellPathExists(dist, path)), ...(await pagefindShell(dist, shards))];
        const worker = await bundleClientScript('service-worker', { BUILD_VERSION: JSON.stringify(version), SHELL: JSON.stringify(shell) });
        await writeFile(`${dist}/sw.js`, worker);
        const papers = existsSync(`${dist}/papers`) ? await readdir(`${dist}/papers`, { withFileTypes: true }) : [];
        const pages = papers
          .filter((entry) => entry.isDirectory() && existsSync(`${dist}/papers/${entry.name}/index.html`))
          .map((entry) => `papers/${entry.name}/`)
          .sort();
        const files = await searchIndexChunks(dist, shards);
        await writeFile(`${dist}/offline-pages.json`, `${JSON.stringify({ version, pages, files })}\n`);
        logger.info(`Service worker ${version}: ${shell.length} shell files; ${pages.length} paper pages and ${files.length} search index files can be saved for offline reading.`);
      },
    },
  };
}
