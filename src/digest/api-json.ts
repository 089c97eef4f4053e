import { datePart } from './dates.ts';
import { organizationId, type DigestEntry, type Organization, type Problem } from './entry.ts';
import { canonicalRepoUrl, findRepoLinks, safeExternalUrl, uniqueUrls } from './links.ts';
import { collapseWhitespace, normalizeAbstract } from './text.ts';

/** Wrapper keys seen around the entry array in saved API responses. */
const WRAPPER_KEYS = ['papers', 'dailyPapers', 'daily_papers', 'data', 'items', 'results'];
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

interface RawElement {
  index: number;
  /** Where the element starts in the text, when it was read by `scanArray`. */
  offset?: number;
  value?: unknown;
  error?: string;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Reads the elements of the JSON array that opens at `start`, one by one, so that a file cut off
 * or broken in the middle still yields every complete element before the damage.
 */
function scanArray(text: string, start: number): { elements: RawElement[]; closed: boolean; stoppedAt: number } {
  const elements: RawElement[] = [];
  let depth = 0;
  let inString = false;
  let elementStart = -1;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (depth === 1 && elementStart === -1 && !/[\s,\]]/.test(ch)) elementStart = i;
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    if ((depth === 1 && ch === ',') || depth === 0) {
      if (elementStart !== -1) {
        const element: RawElement = { index: elements.length, offset: elementStart };
        try {
          element.value = JSON.parse(text.slice(elementStart, i));
        } catch (error) {
          element.error = `not valid JSON (${(error as Error).message})`;
        }
        elements.push(element);
        elementStart = -1;
      }
      if (depth === 0) return { elements, closed: true, stoppedAt: i };
    }
  }
  return { elements, closed: false, stoppedAt: elementStart === -1 ? text.length : elementStart };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function organizationOf(value: unknown): Organization | null {
  if (!isRecord(value)) return null;
  const handle = text(value.name);
  const id = handle ? organizationId(handle) : null;
  if (!handle || !id) return null;
  return { id, name: collapseWhitespace(text(value.fullname) ?? handle) };
}

/** The day this response is the digest of: the latest day an entry was put on the daily list. */
export function apiDigestDate(entries: unknown[]): string | null {
  let latest: string | null = null;
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const paper = isRecord(entry.paper) ? entry.paper : {};
    const day = datePart(paper.submittedOnDailyAt) ?? datePart(entry.publishedAt);
    if (day && (!latest || day > latest)) latest = day;
  }
  return latest;
}

/** A response's text, parsed once: dating it and reading its entries share one `JSON.parse`. */
export interface ApiJson {
  source: string;
  /** The parsed value, or why the text is not valid JSON. */
  parsed: { root: unknown } | { error: Error };
}

export function readApiJson(source: string): ApiJson {
  try {
    return { source, parsed: { root: JSON.parse(source) } };
  } catch (error) {
    return { source, parsed: { error: error as Error } };
  }
}

function asApiJson(input: string | ApiJson): ApiJson {
  return typeof input === 'string' ? readApiJson(input) : input;
}

/** Finds the entry array: the top level, a wrapper object's array, or a lone entry object. */
function locateEntries(file: string, { source, parsed }: ApiJson, problems: Problem[]): { elements: RawElement[] } | null {
  if ('error' in parsed) {
    const { error } = parsed;
    const open = source.indexOf('[');
    if (open === -1) {
      problems.push({ file, reason: `not valid JSON and no entry array to salvage (${error.message})` });
      return null;
    }
    const scan = scanArray(source, open);
    const kept = scan.elements.filter((element) => element.error === undefined).length;
    // A closed array was damaged inside (each bad element is reported by index too); an open one was cut off.
    const damage = scan.closed ? (scan.elements.find((element) => element.error !== undefined)?.offset ?? scan.stoppedAt) : scan.stoppedAt;
    problems.push({
      file,
      at: { line: lineAt(source, damage) },
      reason: scan.closed
        ? `the JSON is malformed here (${error.message}); kept the ${kept} readable entries around it`
        : `the JSON is cut off here (${error.message}); kept the ${kept} complete entries before it`,
    });
    return { elements: scan.elements };
  }

  const root = parsed.root;
  if (Array.isArray(root)) {
    return { elements: root.map((value, index) => ({ index, value })) };
  }
  if (isRecord(root)) {
    if ('paper' in root || 'title' in root) return { elements: [{ index: 0, value: root }] };
    const key = WRAPPER_KEYS.find((name) => Array.isArray(root[name])) ?? Object.keys(root).find((name) => Array.isArray(root[name]));
    if (key) return { elements: (root[key] as unknown[]).map((value, index) => ({ index, value })) };
  }
  problems.push({ file, reason: 'JSON holds no array of daily-papers entries' });
  return null;
}

/** Reads the JSON text far enough to date it, even when it is damaged. */
export function apiHeaderDate(input: string | ApiJson): string | null {
  const { source, parsed } = asApiJson(input);
  if ('error' in parsed) {
    const open = source.indexOf('[');
    if (open === -1) return null;
    return apiDigestDate(scanArray(source, open).elements.map((element) => element.value));
  }
  const root = parsed.root;
  if (Array.isArray(root)) return apiDigestDate(root);
  if (isRecord(root)) {
    const list = Object.values(root).find(Array.isArray);
    return apiDigestDate(list ?? [root]);
  }
  return null;
}

/** Parses a daily-papers API response (`/api/daily_papers`), tolerating damage around good entries. */
export function parseApiJson(file: string, input: string | ApiJson, captured: string): { entries: DigestEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const located = locateEntries(file, asApiJson(input), problems);
  if (!located) return { entries: [], problems };

  const entries: DigestEntry[] = [];
  for (const element of located.elements) {
    const at = { index: element.index };
    if (element.error !== undefined) {
      problems.push({ file, at, reason: `${element.error}; skipped`, skipsEntry: true });
      continue;
    }
    const raw = element.value;
    if (!isRecord(raw)) {
      problems.push({ file, at, reason: `entry is ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`}, not an object; skipped`, skipsEntry: true });
      continue;
    }
    const paper = isRecord(raw.paper) ? raw.paper : raw;
    const title = text(raw.title) ?? text(paper.title);
    if (!title) {
      problems.push({ file, at, reason: 'entry has no title; skipped', skipsEntry: true });
      continue;
    }
    const abstract = normalizeAbstract(text(paper.summary) ?? text(raw.summary) ?? '');
    if (!abstract) problems.push({ file, at, reason: 'entry has no abstract' });

    const rawId = text(paper.id);
    const arxiv = rawId && ARXIV_ID.test(rawId.trim()) ? rawId.trim().replace(/v\d+$/, '') : null;
    if (rawId && !arxiv) problems.push({ file, at, reason: `"${rawId}" is not an arXiv id; left empty` });

    const authorList = Array.isArray(paper.authors) ? paper.authors : [];
    const authors = authorList
      .map((author) => (isRecord(author) ? text(author.name) : text(author)))
      .filter((name): name is string => name !== null)
      .map(collapseWhitespace);

    const githubRepo = text(paper.githubRepo);
    const repo = githubRepo ? canonicalRepoUrl(githubRepo) : null;
    if (githubRepo && !repo) problems.push({ file, at, reason: `githubRepo "${githubRepo}" is not a GitHub or GitLab repository URL; left out` });
    const projectPageText = text(paper.projectPage);
    const projectPage = safeExternalUrl(projectPageText);
    if (projectPageText && !projectPage) problems.push({ file, at, reason: `projectPage "${projectPageText}" is not an http(s) URL; left out` });

    const keywords = Array.isArray(paper.ai_keywords)
      ? paper.ai_keywords.filter((keyword): keyword is string => typeof keyword === 'string' && keyword.trim() !== '').map(collapseWhitespace)
      : [];
    const aiSummary = text(paper.ai_summary);

    entries.push({
      digest: file,
      layout: 'api-json',
      position: element.index + 1,
      at,
      captured,
      title: collapseWhitespace(title),
      abstract,
      arxiv,
      authors,
      authorsCount: authors.length > 0 ? authors.length : null,
      organization: organizationOf(paper.organization) ?? organizationOf(raw.organization),
      published: datePart(paper.publishedAt),
      upvotes: count(paper.upvotes),
      code: uniqueUrls([...(repo ? [repo] : []), ...findRepoLinks(abstract)]),
      githubStars: repo ? count(paper.githubStars) : null,
      projectPage,
      keywords: [...new Set(keywords)],
      aiSummary: aiSummary ? collapseWhitespace(aiSummary) : null,
    });
  }
  return { entries, problems };
}
