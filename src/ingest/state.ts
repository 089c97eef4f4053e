import { hash } from 'node:crypto';
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
    /**
     * Hashes of the value ingest last derived for each machine-owned field and the body, in a fixed
     * order, space-separated (compact: the state holds one line per paper of the list).
     */
    base: z.string(),
    /** A hash of the whole derived record, so an unchanged paper is recognized with one comparison. */
    machine: z.string().optional(),
    /** The topics the rules last assigned, to tell hand-added and hand-removed topics apart. */
    topics: z.array(z.string()),
    /** A hash of the file's text when ingest or classify last wrote or validated it. */
    file: z.string().optional(),
  })
  .strict();

export const ingestStateSchema = z
  .object({
    version: z.literal(2),
    /** Identifies the topic rules (and topic set) the recorded topics came from. */
    rules: z.string().optional(),
    papers: z.record(z.string(), paperStateSchema),
  })
  .strict();

export type PaperState = z.output<typeof paperStateSchema>;
export type IngestState = z.output<typeof ingestStateSchema>;

export const EMPTY_STATE: IngestState = { version: 2, papers: {} };

/** The first format kept each base as an object of field → hash, in the same field order. */
const stateVersion1 = z.object({ version: z.literal(1), rules: z.string().optional(), papers: z.record(z.string(), z.looseObject({ base: z.record(z.string(), z.string()) })) }).loose();

/** Reads a state of any version into the current one. */
export function parseState(raw: unknown) {
  // Only a state that says it is version 1 can pass as one: any other is read as the current
  // version right away, without first collecting every way it is not version 1.
  const saysVersion1 = typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === 1;
  const old = saysVersion1 ? stateVersion1.safeParse(raw) : null;
  if (!old?.success) return ingestStateSchema.safeParse(raw);
  const papers = Object.fromEntries(Object.entries(old.data.papers).map(([slug, record]) => [slug, { ...record, base: Object.values(record.base).join(' ') }]));
  return ingestStateSchema.safeParse({ ...old.data, version: 2, papers });
}

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

/** The hashes of null and of the empty list, which most derived fields hold: worked out once. */
const NULL_HASH = cyrb53('null');
const EMPTY_LIST_HASH = cyrb53('[]');

export function valueHash(value: unknown): string {
  if (value === null) return NULL_HASH;
  if (Array.isArray(value) && value.length === 0) return EMPTY_LIST_HASH;
  return cyrb53(JSON.stringify(value) ?? 'undefined');
}

/** A file's text: long, so a native digest beats hashing it in JavaScript (one-shot, without a Hash object). */
export function textHash(text: string): string {
  return hash('sha1', text, 'base64url').slice(0, 16);
}

/** One line per paper, sorted, so the file diffs well in git and is byte-stable across runs. */
export function serializeState(state: IngestState): string {
  const slugs = Object.keys(state.papers).sort();
  const lines = slugs.map((slug, i) => `    ${JSON.stringify(slug)}: ${JSON.stringify(state.papers[slug])}${i < slugs.length - 1 ? ',' : ''}`);
  const rules = state.rules === undefined ? '' : `  "rules": ${JSON.stringify(state.rules)},\n`;
  return `{\n  "version": ${state.version},\n${rules}  "papers": {\n${lines.join('\n')}${lines.length ? '\n' : ''}  }\n}\n`;
}
