/**
 * node scripts/bench/pagefind-stage.ts <dist>
 * Indexes a built site exactly as the build's Pagefind integration does, in a process of its own,
 * so that the bench can time it apart from the Astro build (run with SKIP_PAGEFIND=1).
 */
import type { AstroIntegrationLogger } from 'astro';
import { pathToFileURL } from 'node:url';
import { indexSite } from '../../src/search/pagefind-integration.ts';

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node scripts/bench/pagefind-stage.ts <dist>');
  process.exit(2);
}
const logger = {
  info: (message: string) => console.log(message),
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  debug: () => {},
} as unknown as AstroIntegrationLogger;
await indexSite(pathToFileURL(`${dist.replace(/\/$/, '')}/`), logger);
