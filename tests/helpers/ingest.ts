/**
 * Shared set-up for the ingest tests: where the fixtures and the real digests are, throw-away
 * working folders, the command line, content in memory for the pure plan, and the Markdown
 * renderer the site uses (GFM on).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { test as base, expect } from 'vitest';
import { parseDigest, type ParsedDigest } from '../../src/digest/parse.ts';
import { planIngest, type IngestInput, type IngestPlan } from '../../src/ingest/plan.ts';
import { EMPTY_STATE, type IngestState } from '../../src/ingest/state.ts';
import { parsePaper, type PaperFile } from '../../src/paper/file.ts';
import { paperSchema } from '../../src/paper/schema.ts';
import { contentPaths, type ContentPaths } from '../../src/store/content-store.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The project's shared folder, a sibling of the repository (read-only). */
const SHARED = resolve(REPO_ROOT, '../shared');
export const API_SAMPLES = join(SHARED, 'samples/hf-daily-papers-api');
/** The four seed digests, as committed (read-only: tests never write under content/). */
export const SEED_DIGESTS = join(REPO_ROOT, 'content/digests');
const INGEST_SCRIPT = join(REPO_ROOT, 'scripts/ingest.ts');

/** The day the seeds were ingested: `Apr 17` in the header of `000_…` then means 2026-04-17. */
export const SEED_TODAY = '2026-11-23';

export function fixture(name: string): string {
  return join(REPO_ROOT, 'tests/fixtures/digests', name);
}

export function fixtureText(name: string): string {
  return readFileSync(fixture(name), 'utf8');
}

/** The text as a careless save would hold it: BOM, CRLF, tab indents, trailing blanks. */
export function messy(text: string): string {
  return `\uFEFF${text
    .split('\n')
    .map((line) => `${line.replace(/^ +/, '\t')}${line ? ' \t ' : '\t'}`)
    .join('\r\n')}`;
}

/** The UTC date the command line will call today. */
export function realToday(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface Workspace {
  /** The command's working folder: it reads and writes `content/` here. */
  cwd: string;
  paths: ContentPaths;
  /** Writes an input file under `inputs/` and returns its path. */
  input: (name: string, data: string | Uint8Array) => string;
}

function createWorkspace(): Workspace {
  const cwd = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  mkdirSync(join(cwd, 'inputs'));
  return {
    cwd,
    paths: contentPaths(join(cwd, 'content')),
    input(name, data) {
      const path = join(cwd, 'inputs', name);
      writeFileSync(path, data);
      return path;
    },
  };
}

/**
 * Vitest's `test` with a `workspace` fixture: it makes fresh working folders, all removed when the
 * test ends. Being a fixture, it is safe in concurrent tests, which let the command-line tests
 * overlap their child processes.
 */
export const test = base.extend<{ workspace: () => Workspace }>({
  workspace: async ({}, use) => {
    const made: string[] = [];
    await use(() => {
      const workspace = createWorkspace();
      made.push(workspace.cwd);
      return workspace;
    });
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  },
});

/** One fixture per input layout, plus a later API capture of a paper in the first. */
export const LAYOUT_FIXTURES = ['page-with-metadata.txt', 'page-without-metadata.txt', 'search-results.txt', 'api-daily-papers.json', 'api-next-day.json'];

/** Has the command ingest the layout fixtures (12 papers) into the workspace. */
export async function ingestLayoutFixtures(workspace: Workspace): Promise<CliResult> {
  const result = await runCli(workspace.cwd, ...LAYOUT_FIXTURES.map(fixture));
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/ingest.ts …` in `cwd`, where it finds `./content`; output without its final line break. */
export function runCli(cwd: string, ...args: string[]): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [INGEST_SCRIPT, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    // `console.log` ends the output with a line break; the tests compare lines.
    child.on('close', (status) => done({ status, stdout: stdout.replace(/\n$/, ''), stderr: stderr.replace(/\n$/, '') }));
  });
}

/** The summary line's counts, from stdout or stderr. */
export function summaryCounts(output: string): { added: number; updated: number; unchanged: number; skipped: number } | null {
  const match = /^ingest(?: \(dry run, nothing written\))?: (\d+) added, (\d+) updated, (\d+) unchanged, (\d+) skipped$/m.exec(output);
  if (!match) return null;
  return { added: Number(match[1]), updated: Number(match[2]), unchanged: Number(match[3]), skipped: Number(match[4]) };
}

/** Every file under `dir` (dotfiles too) with its bytes and modification time, for "nothing changed" checks. */
export function snapshot(dir: string): Map<string, { text: string; mtimeMs: number }> {
  const files = new Map<string, { text: string; mtimeMs: number }>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), { text: readFileSync(path, 'latin1'), mtimeMs: statSync(path).mtimeMs });
    }
  };
  walk(dir);
  return files;
}

/** Files an interrupted atomic write would leave behind. */
export function temporaryFiles(dir: string): string[] {
  return [...snapshot(dir).keys()].filter((path) => path.includes('.tmp-'));
}

/** A paper file's text read back through the one schema, failing loudly if it is invalid. */
export function readBack(file: string, text: string, topics: ReadonlySet<string> = new Set()): PaperFile {
  const parsed = parsePaper(file, text, paperSchema({ topics }));
  if ('problems' in parsed) throw new Error(`${file} is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.paper;
}

export function readPaper(paths: ContentPaths, slug: string, topics?: ReadonlySet<string>): PaperFile {
  const file = join(paths.papers, `${slug}.md`);
  return readBack(file, readFileSync(file, 'utf8'), topics);
}

export function paperSlugs(paths: ContentPaths): string[] {
  return readdirSync(paths.papers).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
}

export function editFile(path: string, edit: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${path}`);
  writeFileSync(path, after);
}

/** Parses a digest held in memory, as ingest would read it from disk. */
export function parseText(file: string, text: string | Uint8Array, today = SEED_TODAY, captured: string | null = null): ParsedDigest {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return parseDigest(file, bytes, { today, captured: captured ? { date: captured, from: 'flag' } : null });
}

export function parseFixture(name: string, today = SEED_TODAY): ParsedDigest {
  return parseDigest(name, readFileSync(fixture(name)), { today });
}

/** `planIngest` on a content folder that starts empty (or as given), with no topics unless given. */
export function plan(digests: ParsedDigest[], input: Partial<Omit<IngestInput, 'digests'>> = {}): IngestPlan {
  return planIngest({ digests, papers: [], state: EMPTY_STATE, topics: new Set(), classify: () => [], rulesFingerprint: 'no-rules', today: SEED_TODAY, ...input });
}

/** Content held in memory: paper texts by slug, and ingest's state. */
export interface MemoryContent {
  papers: Map<string, string>;
  state: IngestState;
}

export function emptyContent(): MemoryContent {
  return { papers: new Map(), state: EMPTY_STATE };
}

/** Plans an ingest of `digests` over `content` and applies its writes, as the runner would. */
export function ingestInMemory(content: MemoryContent, digests: ParsedDigest[], input: Partial<Omit<IngestInput, 'digests' | 'papers' | 'state'>> = {}): IngestPlan {
  const papers = [...content.papers].map(([slug, text]) => ({ slug, text }));
  const result = plan(digests, { papers, state: content.state, ...input });
  if (result.errors.length === 0) {
    for (const write of result.writes) content.papers.set(write.slug, write.text);
    content.state = result.state;
  }
  return result;
}

export function memoryPaper(content: MemoryContent, slug: string, topics?: ReadonlySet<string>): PaperFile {
  const text = content.papers.get(slug);
  if (text === undefined) throw new Error(`no paper ${slug}`);
  return readBack(slug, text, topics);
}

const markdown = remark().use(remarkGfm);

/** How the site's Markdown (GFM) reads a body: the top-level node types and the rendered text. */
export function renderBody(body: string): { types: string[]; text: string } {
  const tree = markdown.parse(body);
  return { types: tree.children.map((node) => node.type), text: tree.children.map((node) => toString(node)).join('\n\n') };
}
