import { z } from 'zod';

/**
 * What ingest last wrote for each paper, so that a re-run can tell the curator's edits from its
 * own output (a three-way merge: a field still equal to what ingest wrote may be refreshed;
 * anything else is the curator's and is kept). It also remembers every paper ever created, so
 * a paper whose file the curator deleted stays dropped.
 */
export const paperStateSchema = z
  .object({
    /** Identity keys (normalized titles, arXiv ids) that lead to this paper, even after a title edit. */
    keys: z.array(z.string()),
    /** A hash per machine-owned field (and `body`) of the value ingest last derived. */
    base: z.record(z.string(), z.string()),
    /** The topics the rules last assigned, to tell hand-added and hand-removed topics apart. */
    topics: z.array(z.string()),
  })
  .strict();

export const ingestStateSchema = z
  .object({
    version: z.literal(1),
    papers: z.record(z.string(), paperStateSchema),
  })
  .strict();

export type PaperState = z.output<typeof paperStateSchema>;
export type IngestState = z.output<typeof ingestStateSchema>;

export const EMPTY_STATE: IngestState = { version: 1, papers: {} };

/** cyrb53: a fast 53-bit string hash; collisions are irrelevant at this scale. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function valueHash(value: unknown): string {
  return cyrb53(JSON.stringify(value) ?? 'undefined');
}

/** One line per paper, sorted, so the file diffs well in git and is byte-stable across runs. */
export function serializeState(state: IngestState): string {
  const slugs = Object.keys(state.papers).sort();
  const lines = slugs.map((slug, i) => `    ${JSON.stringify(slug)}: ${JSON.stringify(state.papers[slug])}${i < slugs.length - 1 ? ',' : ''}`);
  return `{\n  "version": 1,\n  "papers": {\n${lines.join('\n')}${lines.length ? '\n' : ''}  }\n}\n`;
}
