/**
 * Builds the site with Astro's programmatic API: `node tests/site/build-site.ts <outDir> <cacheDir>`,
 * with CONTENT_DIR, SITE_URL, SITE_BASE and REPO_URL in the environment. The global setup runs it
 * in a child process per site, because the site's settings are read from the environment once
 * per process.
 */
import { build } from 'astro';
import { fileURLToPath } from 'node:url';

const [outDir, cacheDir] = process.argv.slice(2);
if (!outDir || !cacheDir) throw new Error('usage: node tests/site/build-site.ts <outDir> <cacheDir>');
await build({ root: fileURLToPath(new URL('../../', import.meta.url)), outDir, cacheDir, logLevel: 'warn' });
