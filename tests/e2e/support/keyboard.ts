import type { Page } from 'playwright-core';

/**
 * Presses Tab until the focused element is a link whose href matches, as a keyboard user would,
 * and returns that href; fails after `limit` presses.
 */
export async function tabToLink(page: Page, href: RegExp, limit = 400): Promise<string> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement;
      return active instanceof HTMLAnchorElement ? active.getAttribute('href') : null;
    });
    if (focused !== null && href.test(focused)) return focused;
  }
  throw new Error(`no link matching ${href} within ${limit} Tab presses on ${page.url()}`);
}
