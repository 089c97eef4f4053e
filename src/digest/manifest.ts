import { z } from 'zod';
import { LAYOUTS } from './entry.ts';
import { isoDateField } from '../paper/schema.ts';

/**
 * `content/digests.json`: what ingest knows about each raw digest, keyed by file name. The
 * capture date is recorded on first ingest so that later runs (in later years) read year-less
 * dates the same way. A curator may correct `captured`; ingest then re-dates that digest's papers.
 */
export const digestRecordSchema = z
  .object({
    /** The day the digest was captured, YYYY-MM-DD. */
    captured: isoDateField,
    /** Where that date came from: `flag` (--captured), `header` (the page's date line), or `today`. */
    captured_from: z.enum(['flag', 'header', 'today']),
    /** The detected layout (informational). */
    layout: z.enum(LAYOUTS),
    /** How many entries it held at the last ingest (informational). */
    entries: z.number().int().nonnegative(),
  })
  .strict();

export const digestManifestSchema = z.record(z.string().min(1), digestRecordSchema);

export type DigestRecord = z.output<typeof digestRecordSchema>;
export type DigestManifest = z.output<typeof digestManifestSchema>;

/** The digest's name in URLs: its file name without the extension. */
export function digestId(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

export function serializeManifest(manifest: DigestManifest): string {
  const sorted: DigestManifest = {};
  for (const file of Object.keys(manifest).sort()) sorted[file] = manifest[file]!;
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
