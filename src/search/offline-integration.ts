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

/** The search index: Pagefind's loader, wasm, metadata, index chunks and filters (fragments load on demand). */
async function pagefindShell(dist: string): Promise<string[]> {
  const root = `${dist}/pagefind`;
  if (!existsSync(root)) return [];
  const top = (await readdir(root)).filter((name) => /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\..*|pagefind\..*\.pf_meta)$/.test(name));
  const nested = await Promise.all(
    ['index', 'filter'].map(async (folder) => (existsSync(`${root}/${folder}`) ? (await readdir(`${root}/${folder}`)).map((name) => `${folder}/${name}`) : [])),
  );
  return [...top, ...nested.flat()].map((name) => `pagefind/${name}`).sort();
}

function shellPathExists(dist: string, path: string): boolean {
  return existsSync(path === '' || path.endsWith('/') ? `${dist}/${path}index.html` : `${dist}/${path}`);
}

/**
 * After the build (and after Pagefind): writes the service worker, versioned per build, and the
 * list of paper pages that "save the whole list for offline" fetches.
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
        await writeFile(`${dist}/offline-pages.json`, `${JSON.stringify({ version, pages })}\n`);
        logger.info(`Service worker ${version}: ${shell.length} shell files; ${pages.length} paper pages can be saved for offline reading.`);
      },
    },
  };
}
