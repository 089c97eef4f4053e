// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { clientScriptsIntegration } from './src/client/bundle.ts';
import { offlineIntegration } from './src/search/offline-integration.ts';
import { pagefindIntegration } from './src/search/pagefind-integration.ts';
import { siteConfig } from './src/site/config.ts';
import { inertMarkdownPlugin } from './src/site/markdown-safety.ts';

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Abstracts must show exactly what the digest said: no curly quotes, no en dashes. The plugin
  // keeps any body inert: raw HTML shows as text, links stay https-only, images become alt text.
  markdown: { processor: satteri({ features: { smartPunctuation: false }, hastPlugins: [inertMarkdownPlugin] }) },
  devToolbar: { enabled: false },
  // A separate cache lets the tests and the benchmark build other content beside the real site.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Order matters: scripts first, then the search index, then the service worker that caches both.
  integrations: [clientScriptsIntegration(), pagefindIntegration(), offlineIntegration()],
});
