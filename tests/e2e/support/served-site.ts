import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BuiltSite } from '../../site/global-setup.ts';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

export interface ServedSite {
  readonly server: StaticSite;
  readonly browser: Browser;
  /** The origin the site is served from; anything else is outside it. */
  readonly origin: string;
}

/**
 * Serves a built site on loopback and starts Chromium for the tests of one file, and stops both
 * afterwards. Use its properties inside tests, once `beforeAll` has run.
 */
export function serveBuiltSite(site: BuiltSite): ServedSite {
  let server: StaticSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(site.dist, site.base);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the site is served from beforeAll: use it inside a test');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get origin() {
      return new URL(started(server).url).origin;
    },
  };
}
