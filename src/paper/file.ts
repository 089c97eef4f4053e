import yaml from 'js-yaml';
import type { Problem } from '../digest/entry.ts';
import { PAPER_FIELDS, type PaperFrontmatter, type paperSchema } from './schema.ts';
import { dumpFrontmatter } from './yaml-dump.ts';

/** A paper file: YAML frontmatter between `---` lines, then the abstract as Markdown. */
export interface PaperFile {
  data: PaperFrontmatter;
  body: string;
}

const FENCE = '---';

/** Writes a paper file. Field order is fixed and YAML quoting is automatic, so output is stable. */
export function serializePaper({ data, body }: PaperFile): string {
  const ordered: Record<string, unknown> = {};
  for (const field of PAPER_FIELDS) ordered[field] = data[field];
  const frontmatter = dumpFrontmatter(ordered);
  return `${FENCE}\n${frontmatter}${FENCE}\n\n${body.trim()}\n`;
}

/**
 * Splits a Markdown file into its YAML frontmatter (parsed) and body. Problems name the file and
 * the line where the YAML breaks.
 */
export function splitFrontmatter(file: string, text: string): { raw: Record<string, unknown>; body: string } | { problems: Problem[] } {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalized.startsWith(`${FENCE}\n`)) {
    return { problems: [{ file, at: { line: 1 }, reason: 'the file must start with a `---` line opening the frontmatter' }] };
  }
  const close = normalized.indexOf(`\n${FENCE}`, FENCE.length);
  const closeEnd = close + FENCE.length + 1;
  if (close === -1 || (normalized[closeEnd] !== '\n' && closeEnd !== normalized.length)) {
    return { problems: [{ file, reason: 'the frontmatter has no closing `---` line' }] };
  }
  let raw: unknown;
  try {
    // The core schema reads `2026-02-30` as the text it is, for the schema to refuse; the default
    // schema would turn it into a Date (silently 2026-03-02).
    raw = yaml.load(normalized.slice(FENCE.length + 1, close + 1), { filename: file, schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const mark = (error as yaml.YAMLException).mark;
    const reason = `broken YAML: ${(error as yaml.YAMLException).reason ?? (error as Error).message}`;
    return { problems: [{ file, ...(mark ? { at: { line: mark.line + 2 } } : {}), reason }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { problems: [{ file, reason: 'the frontmatter must be a YAML mapping of fields' }] };
  }
  return { raw: raw as Record<string, unknown>, body: normalized.slice(closeEnd).trim() };
}

/** Problems for every schema issue, each naming the file and the field (an unknown field by its own name). */
export function schemaProblems(file: string, issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[]): Problem[] {
  return issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ file, at: { field: [...at, key].join('.') }, reason: 'unknown field (a typo?)' }));
    }
    return [{ file, at: { field: at.join('.') || '(frontmatter)' }, reason: issue.message }];
  });
}

/**
 * Reads a paper file and validates its frontmatter with the given schema. Every problem is
 * returned, each naming the file and the line or field, never just the first.
 */
export function parsePaper(
  file: string,
  text: string,
  schema: ReturnType<typeof paperSchema>,
): { paper: PaperFile } | { problems: Problem[] } {
  const split = splitFrontmatter(file, text);
  if ('problems' in split) return split;
  const result = schema.safeParse(split.raw);
  if (!result.success) return { problems: schemaProblems(file, result.error.issues) };
  return { paper: { data: result.data, body: split.body } };
}
