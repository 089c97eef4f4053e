/**
 * "Save the whole list for offline": puts every paper page and the whole full-text search index
 * into this build's cache, the one the service worker reads from, and shows progress. Files
 * already saved are skipped.
 */
const app = document.getElementById('offline-app');
const root = new URL(app?.dataset.root ?? './', location.href);

interface OfflinePages {
  version: string;
  pages: string[];
  /** The search index's chunks. */
  files: string[];
}

async function save(button: HTMLButtonElement, progress: HTMLProgressElement, status: HTMLElement): Promise<void> {
  button.disabled = true;
  const list = (await (await fetch(new URL('offline-pages.json', root))).json()) as OfflinePages;
  const cache = await caches.open(`reading-list-${list.version}`);
  const total = list.pages.length + list.files.length;
  progress.max = total;
  let done = 0;
  let failed = 0;
  const queue = [...list.pages, ...list.files];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const url = new URL(path, root).href;
      if (!(await cache.match(url))) {
        const response = await fetch(url).catch(() => null);
        if (response?.ok) await cache.put(url, response);
        else failed++;
      }
      progress.value = ++done;
      status.textContent = `Saved ${done} of ${total} files (${list.pages.length} papers and the search index).`;
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  status.textContent =
    failed === 0
      ? `All ${list.pages.length} papers and the search index are saved for offline reading.`
      : `Saved ${done - failed} of ${total} files; ${failed} could not be fetched. Try again when online.`;
  button.disabled = false;
}

if (app && location.protocol !== 'file:' && 'caches' in window) {
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Save the whole list for offline reading' });
  const progress = Object.assign(document.createElement('progress'), { value: 0, max: 1 });
  progress.setAttribute('aria-label', 'Papers saved');
  const status = Object.assign(document.createElement('p'), { role: 'status' });
  status.setAttribute('aria-live', 'polite');
  button.addEventListener('click', () => {
    save(button, progress, status).catch((error: unknown) => {
      status.textContent = `Saving stopped: ${(error as Error).message}`;
      button.disabled = false;
    });
  });
  app.replaceChildren(button, progress, status);
}
