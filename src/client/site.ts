/**
 * Runs on every page, and only enhances: reading works without it.
 * - `/` or Ctrl/⌘+K focuses the header search field.
 * - From a downloaded folder (file://), links to `folder/` open `folder/index.html`.
 * - Served over http(s), it registers the service worker that keeps pages for offline reading.
 */

const script = document.currentScript as HTMLScriptElement | null;
/** The site root, from this script's own URL (`<root>/scripts/site.js`): right under any base path. */
const siteRoot = new URL('../', script?.src ?? location.href);

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('keydown', (event) => {
  const shortcut = (event.key === '/' && !isTyping(event.target)) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
  if (!shortcut || event.altKey) return;
  const field = document.querySelector<HTMLInputElement>('form[role="search"] input[type="search"]');
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
});

function withIndexFile(url: URL): URL {
  if (url.protocol === 'file:' && url.pathname.endsWith('/')) url.pathname += 'index.html';
  return url;
}

if (location.protocol === 'file:') {
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0) return;
    const url = new URL(link.href);
    if (url.protocol !== 'file:' || !url.pathname.endsWith('/')) return;
    event.preventDefault();
    location.href = withIndexFile(url).href;
  });
  for (const form of document.querySelectorAll<HTMLFormElement>('form[role="search"]')) {
    form.action = withIndexFile(new URL(form.action)).href;
  }
} else {
  // Linked from script, not markup: a manifest cannot load from disk, and would log an error there.
  document.head.append(Object.assign(document.createElement('link'), { rel: 'manifest', href: new URL('manifest.webmanifest', siteRoot).href }));
  navigator.serviceWorker?.register(new URL('sw.js', siteRoot), { scope: siteRoot.pathname }).catch(() => {
    // No service worker (astro dev, or a private window): the site still works online.
  });
}
