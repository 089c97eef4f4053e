/**
 * The only module that touches `content/` on disk. Everything else is a pure function of what it
 * reads. Every write is atomic: a temporary file in the same folder, then a rename, so a crash or
 * a bad input never leaves a half-written file behind.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Problem } from '../digest/entry.ts';
import { digestManifestSchema, serializeManifest, type DigestManifest } from '../digest/manifest.ts';
import { EMPTY_STATE, parseState, serializeState, type IngestState } from '../ingest/state.ts';

export interface ContentPaths {
  root: string;
  digests: string;
  manifest: string;
  papers: string;
  topics: string;
  state: string;
}

export function contentPaths(root = 'content'): ContentPaths {
  return {
    root,
    digests: join(root, 'digests'),
    manifest: join(root, 'digests.json'),
    papers: join(root, 'papers'),
    topics: join(root, 'topics'),
    state: join(root, 'ingest-state.json'),
  };
}

/** A name beside `path` for a file or folder being written: hidden (listings skip it) and unique. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Writes a file in a folder that exists: a temporary file, then a rename over the target. */
function replaceFile(path: string, data: string | Uint8Array): void {
  const temporary = temporaryPath(path);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  replaceFile(path, data);
}

function listFiles(dir: string, extension?: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && (!extension || entry.name.endsWith(extension)))
    .map((entry) => entry.name)
    .sort();
}

export function listDigests(paths: ContentPaths): string[] {
  return listFiles(paths.digests);
}

export function readDigest(paths: ContentPaths, file: string): Uint8Array {
  return readFileSync(join(paths.digests, file));
}

function readJson<T>(path: string, parse: (value: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }, empty: T): { value: T } | { problems: Problem[] } {
  if (!existsSync(path)) return { value: empty };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { problems: [{ file: path, reason: `broken JSON: ${(error as Error).message}` }] };
  }
  const result = parse(raw);
  if (result.success) return { value: result.data };
  return {
    problems: result.error.issues.map((issue) => ({ file: path, at: { field: issue.path.map(String).join(".") || "(root)" }, reason: issue.message })),
  };
}

export function readManifest(paths: ContentPaths) {
  return readJson<DigestManifest>(paths.manifest, (value) => digestManifestSchema.safeParse(value), {});
}

export function readState(paths: ContentPaths) {
  return readJson<IngestState>(paths.state, parseState, EMPTY_STATE);
}

export function readPaperTexts(paths: ContentPaths): { slug: string; text: string }[] {
  return listFiles(paths.papers, '.md').map((name) => ({ slug: name.slice(0, -'.md'.length), text: readFileSync(join(paths.papers, name), 'utf8') }));
}

export function readTopicTexts(paths: ContentPaths): { slug: string; text: string }[] {
  return listFiles(paths.topics, '.md').map((name) => ({ slug: name.slice(0, -'.md'.length), text: readFileSync(join(paths.topics, name), 'utf8') }));
}

/** Topic slugs, read synchronously: Astro's content config needs them while it loads. */
export function listTopicSlugs(paths: ContentPaths): Set<string> {
  return new Set(listFiles(paths.topics, '.md').map((name) => name.slice(0, -'.md'.length)));
}

function isAbsentOrEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Writes paper files, each atomically. When content/papers/ is absent or empty (a first ingest),
 * every file is written into a hidden folder beside it, which then takes its place in one rename:
 * no file is visible before all are whole, and a rename per file (which nearly doubles the cost of
 * writing thousands of small files) is saved. Otherwise each file is written beside its target and
 * renamed over it, into a folder made once rather than once per file.
 */
export function writePapers(paths: ContentPaths, papers: readonly { slug: string; text: string }[]): void {
  if (papers.length === 0) return;
  if (isAbsentOrEmpty(paths.papers) && writeFolderAtOnce(paths.papers, papers.map(({ slug, text }) => ({ name: `${slug}.md`, text })))) return;
  mkdirSync(paths.papers, { recursive: true });
  for (const { slug, text } of papers) replaceFile(join(paths.papers, `${slug}.md`), text);
}

/**
 * Fills an absent or empty folder at once, through a hidden folder renamed over it. False, with
 * nothing written, when the folder has meanwhile gained a file (the rename refuses to replace it).
 */
function writeFolderAtOnce(dir: string, files: readonly { name: string; text: string }[]): boolean {
  mkdirSync(dirname(dir), { recursive: true });
  const staging = temporaryPath(dir);
  mkdirSync(staging);
  try {
    for (const { name, text } of files) writeFileSync(join(staging, name), text, { flag: 'wx' });
    renameSync(staging, dir);
    return true;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw error;
  }
}

export function writeTopic(paths: ContentPaths, slug: string, text: string): void {
  writeFileAtomic(join(paths.topics, `${slug}.md`), text);
}

/** Writes a file only when its text would change, so a run that changes nothing touches nothing. */
function writeIfChanged(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileAtomic(path, text);
}

export function writeState(paths: ContentPaths, state: IngestState): void {
  writeIfChanged(paths.state, serializeState(state));
}

export function writeManifest(paths: ContentPaths, manifest: DigestManifest): void {
  writeIfChanged(paths.manifest, serializeManifest(manifest));
}

/** Reads a file given on the command line (anywhere on disk). */
export function readInputFile(path: string): Uint8Array {
  return readFileSync(path);
}

/** Whether `content/digests/` already holds a digest of this name, and whether it is the same file. */
export function compareWithStoredDigest(paths: ContentPaths, file: string, bytes: Uint8Array): 'absent' | 'same' | 'different' {
  const target = join(paths.digests, file);
  if (!existsSync(target)) return 'absent';
  return Buffer.compare(readFileSync(target), Buffer.from(bytes)) === 0 ? 'same' : 'different';
}

/** Copies a new digest into `content/digests/`, byte for byte. */
export function addDigest(paths: ContentPaths, file: string, bytes: Uint8Array): void {
  writeFileAtomic(join(paths.digests, file), bytes);
}

