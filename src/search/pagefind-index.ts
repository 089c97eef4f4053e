/**
 * Writes the Pagefind index of a list of search documents with Pagefind's Node API (which runs
 * Pagefind's own binary). Every response is checked; any error fails loudly, with all messages.
 */
import * as pagefind from 'pagefind';
import type { SearchDocument } from './search-documents.ts';

interface PagefindResponse {
  errors: string[];
}

function check<T extends PagefindResponse>(response: T, step: string): Required<T> {
  if (response.errors.length > 0) throw new Error(`Pagefind failed while ${step}:\n${response.errors.join('\n')}`);
  return response as Required<T>;
}

/** Documents sent to Pagefind before the first answer is awaited. */
const IN_FLIGHT = 16;

/** How many documents went in the index, and how long it took. */
export interface IndexSummary {
  pages: number;
  seconds: number;
}

export async function writeSearchIndex(documents: readonly SearchDocument[], outputPath: string): Promise<IndexSummary> {
  const started = performance.now();
  try {
    const { index } = check(await pagefind.createIndex({ forceLanguage: 'en' }), 'creating the index');
    // A window of documents in flight keeps Pagefind's binary busy without queueing them all in
    // its memory at once.
    let next = 0;
    const feed = async () => {
      while (next < documents.length) {
        const document = documents[next++]!;
        check(await index.addHTMLFile({ url: document.url, content: document.html }), `indexing ${document.url}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, feed));
    check(await index.writeFiles({ outputPath }), 'writing the index');
    return { pages: documents.length, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}
