import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleClientScript } from '../client/bundle.ts';

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

/** The files of a folder under pagefind/, as site paths; none when it does not exist. */
async function pagefindFolder(dist: string, folder: string): Promise<string[]> {
  const path = `${dist}/pagefind/${folder}`;
  return existsSync(path) ? (await readdir(path)).map((name) => `pagefind/${folder}/${name}`).sort() : [];
}

/**
 * What search needs before its first query: Pagefind's loader, wasm, metadata and filters. The
 * index chunks (7 MB at 10,000 papers) are cached as searches use them, and all of them by "save
 * the whole list"; fragments load on demand.
 */
async function pagefindShell(dist: string): Promise<string[]> {
  if (!existsSync(`${dist}/pagefind`)) return [];
  const top = (await readdir(`${dist}/pagefind`)).filter((name) => /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\..*|pagefind\..*\.pf_meta)$/.test(name));
  return [...top.map((name) => `pagefind/${name}`).sort(), ...(await pagefindFolder(dist, 'filter'))];
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
        const shell = [...SHELL_FILES.filter((path) => shellPathExists(dist, path)), ...(await pagefindShell(dist))];
        const worker = await bundleClientScript('service-worker', { BUILD_VERSION: JSON.stringify(version), SHELL: JSON.stringify(shell) });
        await writeFile(`${dist}/sw.js`, worker);
        const papers = existsSync(`${dist}/papers`) ? await readdir(`${dist}/papers`, { withFileTypes: true }) : [];
        const pages = papers
          .filter((entry) => entry.isDirectory() && existsSync(`${dist}/papers/${entry.name}/index.html`))
          .map((entry) => `papers/${entry.name}/`)
          .sort();
        const files = await pagefindFolder(dist, 'index');
        await writeFile(`${dist}/offline-pages.json`, `${JSON.stringify({ version, pages, files })}\n`);
        logger.info(`Service worker ${version}: ${shell.length} shell files; ${pages.length} paper pages and ${files.length} search index files can be saved for offline reading.`);
      },
    },
  };
}
