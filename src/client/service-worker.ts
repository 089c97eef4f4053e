/// <reference lib="webworker" />
/**
 * The service worker: the site keeps working after the network goes away.
 * - On install it caches the shell (styles, scripts, home, search page) and the search index.
 * - Every page visited is cached as it is fetched; pages are network-first, so a reader online
 *   always sees the latest build, and offline gets the copy they last saw.
 * - Each build has its own cache; activating a new build deletes the old caches.
 * The build replaces these two constants (see src/search/offline-integration.ts).
 */
declare const BUILD_VERSION: string;
declare const SHELL: string[];

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE_PREFIX = 'reading-list-';
const CACHE = `${CACHE_PREFIX}${BUILD_VERSION}`;
const scope = new URL(worker.registration.scope);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((path) => new URL(path, scope).href)))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => worker.clients.claim()),
  );
});

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    const page = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Offline</title><p>You are offline, and this page was not saved for offline reading. Pages you have visited, and every paper after “Save the whole list”, are available.</p></html>';
    return new Response(page, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const isPage = request.mode === 'navigate' || url.pathname.endsWith('/') || url.pathname.endsWith('.html');
  event.respondWith(isPage ? networkFirst(request) : cacheFirst(request));
});
